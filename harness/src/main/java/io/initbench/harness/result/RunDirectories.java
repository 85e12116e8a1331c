package io.initbench.harness.result;

import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.Shard;
import io.initbench.harness.spec.SuiteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the commands do with run directories as a whole, beside {@link RunStore} (one directory's files):
 * naming a new one, writing into one under its {@link RunLock} without leaving an empty directory behind
 * on bad input, resuming one (checking it was made for the same grid and shard), collecting the
 * directories of one run's shards for a merge (checking they fit together), and finding the baseline a
 * run is compared with.
 */
public final class RunDirectories {
    private static final Logger log = LoggerFactory.getLogger(RunDirectories.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern TORN_ID = Pattern.compile("\"cellId\"\\s*:\\s*\"([0-9a-zA-Z-]+)\"");

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
        boolean runDir = names.stream().anyMatch(n -> SETUP_FILES.contains(n));
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
                                java.util.function.Predicate<CellRecord> retry) {
        try {
            RunStore.requireComplete(dir);
            RunStore.Contents c = RunStore.read(dir);
            boolean started = Files.exists(dir.resolve(RunStore.METADATA));
            if (started && Files.exists(dir.resolve(RunStore.SUITE)) && !RunStore.readSuite(dir).equals(suite)) {
                // more seeds or values would pass the cell check below and silently widen the run
                throw new IllegalArgumentException("run directory " + dir + " was started with other suite settings"
                        + " (its suite.json differs from this suite after overrides: axes, seeds or training);"
                        + " resume only with the same suite and overrides, or pass a new -Dout=");
            }
            Shard before = RunStore.readShard(dir);
            if (before != null && !before.equals(shard)) {
                throw new IllegalArgumentException("run directory " + dir + " holds shard " + before + " of its suite,"
                        + " not " + (shard.isAll() ? "the whole suite" : "shard " + shard) + "; resume it with -Dshard="
                        + before + ", or pass a new -Dout=");
            }
            if (c.records().isEmpty() && c.tornBytes() == 0) {
                // started before (killed before its first cell finished) or new
                return new Resume(started ? RunStore.readProvenance(dir).run().runId() : null, List.of(), Set.of(), 0);
            }
            Set<String> gridIds = new HashSet<>();
            grid.forEach(g -> gridIds.add(g.id()));
            for (CellRecord r : c.records()) {
                if (!gridIds.contains(r.cellId())) {
                    throw new IllegalArgumentException("run directory " + dir + " holds results of another suite or"
                            + " other settings (cell " + r.cellId() + ": " + r.cell().label() + " is not in this"
                            + " suite's grid); resume only with the same suite and overrides, or pass a new -Dout=");
                }
            }
            RunStore.truncateTorn(dir, c);
            Set<String> again = new HashSet<>();
            c.records().stream().filter(retry).forEach(r -> again.add(r.cellId()));
            if (!again.isEmpty()) {
                log.info("resume: {} cell(s) refused for resources before run again", again.size());
                RunStore.dropRecords(dir, again);
            }
            List<CellRecord> kept = c.records().stream().filter(r -> !again.contains(r.cellId())).toList();
            Set<String> done = new HashSet<>();
            kept.forEach(r -> done.add(r.cellId()));
            return new Resume(RunStore.readProvenance(dir).run().runId(), kept, done, c.tornBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + dir + ": " + e.getMessage(), e);
        }
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
        if (Files.exists(target.resolve(RunStore.CELLS))) {
            if (!RunStore.interruptedMerge(target)) {
                throw new IllegalArgumentException("merge target " + target + " already holds results; pass a new -Dout=");
            }
            // a merge killed half-way: its part of the records is replaced by this one's whole
            note.accept("merge: " + target + " holds an interrupted merge; its records are replaced");
            for (String name : List.of(RunStore.CELLS, RunStore.JOURNAL, RunStore.METADATA, RunStore.SUITE)) {
                Files.deleteIfExists(target.resolve(name));
            }
        }
        SuiteSpec suite = null;
        Path first = null;
        Provenance firstProvenance = null;
        Map<String, CellSpec> gridById = new HashMap<>();
        Map<String, Path> from = new HashMap<>();
        List<CellRecord> records = new ArrayList<>();
        for (Path d : inputs) {
            if (!RunStore.requireComplete(d)) {
                throw new IllegalArgumentException(d + " is not an initbench run directory: it has no " + RunStore.CELLS
                        + "; pass the run directories of the shards in -Dinputs=");
            }
            SuiteSpec s = RunStore.readSuite(d);
            Provenance p = RunStore.readProvenance(d);
            if (firstProvenance == null) {
                firstProvenance = p;
            } else {
                List<String> differ = buildDifferences(firstProvenance, p);
                if (!differ.isEmpty()) {
                    // one metadata.json cannot describe shards made by different code or settings
                    throw new IllegalArgumentException(d + " was made by other code or settings than " + first + ": "
                            + String.join("; ", differ) + ". Merge only shards of one build and settings: re-run"
                            + " the odd shard with the same build, -Dthreads and backend");
                }
            }
            if (suite == null) {
                suite = s;
                first = d;
                Grid.cells(s).forEach(c -> gridById.put(c.id(), c));
            } else if (!s.equals(suite)) {
                throw new IllegalArgumentException(d + " holds a different suite or settings than " + first
                        + " (compare their suite.json); merge only shards of one run");
            }
            RunStore.Contents contents = RunStore.read(d);
            if (contents.tornBytes() > 0) {
                String torn = tornCellId(d, contents);
                if (!partial) {
                    throw new IllegalArgumentException(d.resolve(RunStore.CELLS) + " ends with a torn record ("
                            + torn + ", " + contents.tornBytes() + " bytes: the shard was killed while writing it);"
                            + " resume that shard to finish the cell, or pass -Dmerge.partial=true to merge without it");
                }
                note.accept("merge: left out the torn record at the end of " + d.resolve(RunStore.CELLS) + " ("
                        + torn + ", " + contents.tornBytes() + " bytes); that cell is missing from the merged run");
            }
            Shard shard = RunStore.readShard(d);
            for (CellRecord r : contents.records()) {
                CellSpec expected = gridById.get(r.cellId());
                if (expected == null || !expected.equals(r.cell()) || !r.identity().suite().equals(suite.name())) {
                    throw new IllegalArgumentException(d.resolve(RunStore.CELLS) + " holds cell " + r.cellId() + " ("
                            + r.cell().label() + "), which is not in the grid of " + d.resolve(RunStore.SUITE)
                            + "; the file was edited or mixes runs: remove that record, or merge without " + d);
                }
                if (shard != null && !shard.contains(suite.shardKey(r.cell()))) {
                    throw new IllegalArgumentException(d.resolve(RunStore.CELLS) + " holds cell " + r.cellId() + " ("
                            + r.cell().label() + "), which belongs to another shard than " + d + "'s " + shard
                            + "; the file was edited or copied: remove that record, or merge without " + d);
                }
                Path other = from.putIfAbsent(r.cellId(), d);
                if (other != null) {
                    throw new IllegalArgumentException("cell " + r.cellId() + " (" + r.cell().label() + ") is in both "
                            + other + " and " + d + "; shards must not overlap (same -Dshard=i/n twice?)");
                }
                records.add(r);
            }
        }
        if (suite == null) {
            throw new IllegalArgumentException("merge needs -Dinputs=<run dir>,<run dir>,... and -Dout=<new run dir>");
        }
        List<CellSpec> all = Grid.cells(suite);
        // with tuning, the cells a run holds are its tuning cells and the final cells at the chosen rates
        List<CellSpec> grid = suite.tuning() == null ? all : decided.apply(suite, records).stream().map(all::get).toList();
        List<CellSpec> missing = grid.stream().filter(c -> !from.containsKey(c.id())).toList();
        if (!missing.isEmpty() && !partial) {
            throw new IllegalArgumentException(missing.size() + " of " + grid.size() + " cells are in no input (first: "
                    + missing.get(0).label() + "); add the missing shard's directory, or pass -Dmerge.partial=true");
        }
        records.sort(CellRecord.GRID_ORDER);
        return new Merged(suite, RunStore.readProvenance(first), records);
    }

    /** What differs between two runs' code, backend and threads, as "field a vs b"; empty when nothing. */
    static List<String> buildDifferences(Provenance a, Provenance b) {
        List<String> out = new ArrayList<>();
        differ(out, "git commit", a.software().gitCommit(), b.software().gitCommit());
        differ(out, "uncommitted changes (dirty)", a.software().gitDirty(), b.software().gitDirty());
        differ(out, "initbench version", a.software().initbenchVersion(), b.software().initbenchVersion());
        differ(out, "DL4J version", a.software().dl4jVersion(), b.software().dl4jVersion());
        differ(out, "ND4J backend", a.software().backend(), b.software().backend());
        differ(out, "native build", a.software().nativeBuild(), b.software().nativeBuild());
        differ(out, "layers", a.software().layers(), b.software().layers());
        differ(out, "native threads per worker", a.run().threadsPerWorker(), b.run().threadsPerWorker());
        return out;
    }

    private static void differ(List<String> out, String what, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            out.add(what + " " + a + " vs " + b);
        }
    }

    /** Names the cell of a torn record by the id at its start, when that much was written. */
    private static String tornCellId(Path dir, RunStore.Contents contents) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(RunStore.CELLS));
        String tail = new String(bytes, (int) contents.validBytes(), bytes.length - (int) contents.validBytes(),
                StandardCharsets.UTF_8);
        Matcher m = TORN_ID.matcher(tail);
        return m.find() ? "cell " + m.group(1) : "cell unknown: cut off before its id";
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
        Path self = run.toAbsolutePath().normalize();
        Path parent = self.getParent();
        SuiteSpec suite = RunStore.readSuite(run);
        String fingerprint = suite.settingsFingerprint();
        RunOrder me = RunOrder.of(run);
        Path best = null;
        RunOrder bestOrder = null;
        Path other = null;
        RunOrder otherOrder = null;
        SuiteSpec otherSuite = null;
        for (Path d : RunStore.runsIn(parent)) {
            if (d.toAbsolutePath().normalize().equals(self)) {
                continue;
            }
            Provenance.Run p = RunStore.readProvenance(d).run();
            RunOrder order = RunOrder.of(d);
            if (!p.suite().equals(suite.name()) || order.compareTo(me) >= 0) {
                continue;
            }
            SuiteSpec s = RunStore.readSuite(d);
            if (s.settingsFingerprint().equals(fingerprint)) {
                if (bestOrder == null || order.compareTo(bestOrder) > 0) {
                    best = d;
                    bestOrder = order;
                }
            } else if (otherOrder == null || order.compareTo(otherOrder) > 0) {
                other = d;
                otherOrder = order;
                otherSuite = s;
            }
        }
        if (best != null) {
            return new Baseline(best, best.getFileName() + " (" + bestOrder + "), the last run of suite " + suite.name()
                    + " with the same settings made before " + run.getFileName() + " (" + me + ")");
        }
        String why = other == null ? "" : "; the newest earlier one with other settings, " + other.getFileName()
                + ", differs in " + String.join("; ", suite.settingsDifferences(otherSuite))
                + " (pass -Dbaseline=" + other + " -Dcompare.intersect=true to compare what both measured)";
        throw new IllegalArgumentException("no earlier run of suite " + suite.name() + " with the same settings"
                + " (fingerprint " + fingerprint + ") in " + parent + " to compare " + run.getFileName() + " with" + why
                + "; or pass -Dbaseline=<run directory>");
    }

    /** A run's place in run order: its number, then (for runs without one) its start time. */
    private record RunOrder(long sequence, String startedAt) implements Comparable<RunOrder> {
        static RunOrder of(Path dir) throws IOException {
            return new RunOrder(RunStore.sequence(dir), RunStore.readProvenance(dir).run().startedAt());
        }

        @Override
        public int compareTo(RunOrder o) {
            if (sequence != o.sequence) {
                return Long.compare(sequence, o.sequence);
            }
            return startedAt.compareTo(o.startedAt);
        }

        @Override
        public String toString() {
            return sequence > 0 ? "run " + sequence : "started " + startedAt;
        }
    }
}
