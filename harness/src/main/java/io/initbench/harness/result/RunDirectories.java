package io.initbench.harness.result;

import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Shard;
import io.initbench.harness.spec.SuiteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the commands do with run directories as a whole, beside {@link RunStore} (one directory's files):
 * naming a new one, writing into one under its {@link RunLock} without leaving an empty directory behind
 * on bad input, resuming one (checking it was made for the same grid and shard), collecting the
 * directories of one run's shards for a merge (checking they fit together), and finding the baseline a
 * run is compared with. The last three are kept by {@link RunResume}, {@link ShardMerge} and
 * {@link BaselineFinder}; this class is their one entry point.
 */
public final class RunDirectories {
    private static final Logger log = LoggerFactory.getLogger(RunDirectories.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunDirectories() {
    }

    /** {@code 20261123T165608Z}: the start time in a directory name that sorts by time. */
    public static String timestamp(Instant started) {
        return STAMP.format(started);
    }

    /** The id of a run started now from {@code workDir}: its start time and the short commit. */
    public static String runId(Instant started, Path workDir) {
        String commit = ProvenanceCollector.gitCommit(workDir);
        return timestamp(started) + "-" + (commit.length() >= 7 ? commit.substring(0, 7) : commit);
    }

    /** Work done in a locked run directory. */
    @FunctionalInterface
    public interface Locked<T, E extends Exception> {
        T run(RunLock lock) throws E, InterruptedException;
    }

    /**
     * Locks {@code dir} (created with its missing parents) for {@code what}, runs {@code work} and unlocks.
     * When the work fails (bad input found after the lock was taken) and left nothing but the lock file,
     * the directories this call created are removed again: rejected input leaves nothing behind. A refused
     * lock throws before anything is created.
     */
    public static <T, E extends Exception> T locked(Path dir, String what, Locked<T, E> work)
            throws E, InterruptedException {
        refuseForeign(dir, what);
        List<Path> created = missingDirs(dir);
        boolean wasEmpty = created.isEmpty() && isEmptyDir(dir);
        RunLock lock = RunLock.acquire(dir, what); // refused: nothing of ours to clean up
        try (lock) {
            return work.run(lock);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // the lock is released by now; a directory that recorded nothing goes back to how it was
            removeIfUnused(dir, created, wasEmpty);
            throw e;
        }
    }

    /** The files a run directory holds before its first record; nothing else is removed on failure. */
    private static final Set<String> SETUP_FILES = Set.of(RunLock.FILE, RunStore.SUITE, RunStore.METADATA,
            RunStore.JOURNAL, RunStore.CELLS);

    /**
     * Refuses to write into an existing directory that holds files but is no run directory: its files are
     * someone else's (a report.html there would be replaced).
     */
    static void refuseForeign(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<String> names;
        try (var entries = Files.list(dir)) {
            names = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(RunLock.FILE)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what + " " + dir + ": cannot list it (" + e.getMessage() + ")", e);
        }
        boolean runDir = names.stream().anyMatch(n -> SETUP_FILES.contains(n) || n.equals(RunStore.CELLS_GZ));
        if (!names.isEmpty() && !runDir) {
            throw new IllegalArgumentException("cannot " + what + " " + dir + ": it holds files that are not an initbench"
                    + " run's (" + String.join(", ", names.subList(0, Math.min(5, names.size())))
                    + (names.size() > 5 ? ", ..." : "") + "), which would be overwritten; pass -Dout= a new or empty"
                    + " directory, or a run directory to resume");
        }
    }

    private static boolean isEmptyDir(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.noneMatch(p -> !p.getFileName().toString().equals(RunLock.FILE));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code dir} and its ancestors that do not exist yet, deepest first. */
    private static List<Path> missingDirs(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && !Files.exists(d); d = d.getParent()) {
            out.add(d);
        }
        return out;
    }

    /**
     * After a failure: when {@code dir} was new or empty and nothing was recorded in it (the run failed
     * loading or preparing data, say), removes the files the run set up and the directories this call
     * created, so that the corrected re-run into the same -Dout is not refused and failed runs do not pile up.
     */
    private static void removeIfUnused(Path dir, List<Path> created, boolean wasEmpty) {
        if (created.isEmpty() && !wasEmpty) {
            return;
        }
        try {
            try (var entries = Files.list(dir)) {
                if (entries.anyMatch(p -> !SETUP_FILES.contains(p.getFileName().toString()))) {
                    return;
                }
            }
            Path cells = dir.resolve(RunStore.CELLS);
            if ((Files.exists(cells) && Files.size(cells) > 0) || !RunStore.starts(dir).isEmpty()) {
                return; // a cell ran: its traces are a run's, kept for the resume
            }
            for (String name : SETUP_FILES) {
                Files.deleteIfExists(dir.resolve(name));
            }
            for (Path d : created) {
                Files.deleteIfExists(d);
            }
        } catch (IOException e) {
            log.debug("left {} in place: {}", dir, e.toString());
        }
    }

    /**
     * What an existing run directory already holds (nothing for a new directory).
     *
     * @param runId     the id the run was started with; null for a new directory
     * @param done      the ids of the recorded cells
     * @param tornBytes the length of a record torn by a crash, cut off the file (its cell runs again)
     */
    public record Resume(String runId, List<CellRecord> records, Set<String> done, long tornBytes) {
    }

    /**
     * Reads {@code dir} to resume a run of {@code grid} ({@code suite}'s cells) in {@code shard}: refuses a
     * directory started with other settings, for another shard, or holding cells outside the grid, and cuts
     * a torn last record off so that appends start on a fresh line.
     */
    public static Resume resume(Path dir, List<CellSpec> grid, SuiteSpec suite, Shard shard) {
        return resume(dir, grid, suite, shard, r -> false);
    }

    /**
     * The same, and the records {@code retry} picks (cells refused for resources, which are no result) are
     * removed from the directory: their cells run again.
     */
    public static Resume resume(Path dir, List<CellSpec> grid, SuiteSpec suite, Shard shard,
                                Predicate<CellRecord> retry) {
        return RunResume.resume(dir, grid, suite, shard, retry);
    }

    /**
     * The shards of one run, read and checked for a merge.
     *
     * @param provenance the first input's: the run's
     * @param records    every record of every input, in grid order
     */
    public record Merged(SuiteSpec suite, Provenance provenance, List<CellRecord> records) {
    }

    /**
     * Reads the run directories of one suite's shards for a merge into {@code target}. Every input must
     * hold the same suite (same suite.json) and only cells of its grid and its shard; a cell in two inputs,
     * a grid cell in none, or a record torn by a kill is an error, the last two unless {@code partial}
     * (then {@code note} is told what was left out). {@code target} must not hold results yet.
     *
     * @param decided with tuning, the grid indices of the final cells a suite's records decide (the cells a
     *                complete tuned run holds besides its tuning cells); unused without tuning
     */
    public static Merged collectShards(Path target, List<Path> inputs, boolean partial,
                                       BiFunction<SuiteSpec, List<CellRecord>, List<Integer>> decided, Consumer<String> note)
            throws IOException {
        return ShardMerge.collect(target, inputs, partial, decided, note);
    }

    /**
     * The automatic baseline of a run and why it was chosen.
     *
     * @param why e.g. "run 7, the latest run of suite smoke with the same settings made before run 8"
     */
    public record Baseline(Path dir, String why) {
    }

    /**
     * The automatic baseline of {@code run}: of the run directories beside it of the same suite with the
     * same {@link SuiteSpec#settingsFingerprint()} (seeds may differ), the last one made before it, in run
     * order: the journal's run number ({@link RunStore#sequence}), which a clock set back cannot reorder;
     * start times only order runs made before run numbers existed (number 0), which come first. A run of
     * other settings is never picked: its numbers measure something else.
     *
     * @throws IllegalArgumentException when there is none, naming the nearest run of other settings
     */
    public static Baseline baseline(Path run) throws IOException {
        return BaselineFinder.find(run);
    }
}
