package io.initbench.harness.cli;

import io.initbench.harness.report.ColorScale;
import io.initbench.harness.report.History;
import io.initbench.harness.report.Reports;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.result.RunDirectories;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.stats.Tuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code merge -Dinputs=<dir>,<dir>,... -Dout=<dir>}: combines the run directories of one suite's shards into
 * one run directory. Every input must hold the same suite (same suite.json); a cell in two inputs, or a grid
 * cell in none (unless {@code -Dmerge.partial=true}), is an error ({@link RunDirectories#collectShards}).
 */
final class MergeCommand implements CommandHandler {
    /** The command line speaks with one voice in the log, whichever command runs. */
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Override
    public int execute(CommandContext ctx) throws InterruptedException {
        merge(ctx);
        return Cli.EXIT_OK;
    }

    RunOutcome merge(CommandContext ctx) throws InterruptedException {
        Optional<List<Path>> inputs = ctx.find(Options.INPUTS);
        Optional<Path> out = ctx.find(Options.OUT);
        if (inputs.isEmpty() || out.isEmpty()) {
            throw new IllegalArgumentException("merge needs -Dinputs=<run dir>,<run dir>,... and -Dout=<new run dir>");
        }
        Path dir = ctx.workDir().resolve(out.get());
        boolean partial = ctx.get(Options.MERGE_PARTIAL);
        ColorScale colorScale = ctx.get(Options.COLOR_SCALE);
        List<Path> dirs = inputs.get().stream().map(ctx.workDir()::resolve).toList();
        try {
            return RunDirectories.locked(dir, "merge into", lock -> {
                RunDirectories.Merged m = RunDirectories.collectShards(dir, dirs, partial,
                        Tuning::decided, note -> {
                            log.warn(note);
                            ctx.out().println(note);
                        });
                // a merge killed before "merged" is refused by every reader and replaced by the next merge
                try (RunStore store = RunStore.createMerge(dir, m.suite(), m.provenance())) {
                    m.records().forEach(store::append);
                    Reports.writeAll(new RunResults(m.suite(), m.provenance(), m.records()), store, colorScale);
                    store.markMerged();
                }
                History.update(dir, m.suite().name());
                log.info("merged {} record(s) from {} input(s) into {}", m.records().size(), dirs.size(), dir);
                return new RunOutcome(dir, m.records());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
