package io.initbench.harness.result;

import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Shard;
import io.initbench.harness.spec.SuiteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resuming a run directory ({@link RunDirectories#resume}): the checks that it was made for the same suite,
 * shard and grid, then the repairs that let appends go on (a torn last record cut off, the records of cells
 * to run again dropped).
 */
final class RunResume {
    private static final Logger log = LoggerFactory.getLogger(RunDirectories.class);

    private RunResume() {
    }

    static RunDirectories.Resume resume(Path dir, List<CellSpec> grid, SuiteSpec suite, Shard shard,
                                        Predicate<CellRecord> retry) {
        try {
            RunStore.requireComplete(dir);
            CellsFile.requireAppendable(dir);
            RunStore.Contents c = RunStore.read(dir);
            boolean started = Files.exists(dir.resolve(RunStore.METADATA));
            requireSameSettings(dir, suite, shard, started);
            if (c.records().isEmpty() && c.tornBytes() == 0) {
                // started before (killed before its first cell finished) or new
                return new RunDirectories.Resume(started ? RunStore.readProvenance(dir).run().runId() : null,
                        List.of(), Set.of(), 0);
            }
            requireInGrid(dir, grid, c.records());
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
            return new RunDirectories.Resume(RunStore.readProvenance(dir).run().runId(), kept, done, c.tornBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a directory started with other suite settings or for another shard. */
    private static void requireSameSettings(Path dir, SuiteSpec suite, Shard shard, boolean started)
            throws IOException {
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
    }

    /** Refuses records of cells outside {@code grid}: results of another suite or other settings. */
    private static void requireInGrid(Path dir, List<CellSpec> grid, List<CellRecord> records) {
        Set<String> gridIds = new HashSet<>();
        grid.forEach(g -> gridIds.add(g.id()));
        for (CellRecord r : records) {
            if (!gridIds.contains(r.cellId())) {
                throw new IllegalArgumentException("run directory " + dir + " holds results of another suite or"
                        + " other settings (cell " + r.cellId() + ": " + r.cell().label() + " is not in this"
                        + " suite's grid); resume only with the same suite and overrides, or pass a new -Dout=");
            }
        }
    }
}
