package io.initbench.harness.cli;

import io.initbench.harness.report.ColorScale;
import io.initbench.harness.report.History;
import io.initbench.harness.report.Reports;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.result.RunLock;
import io.initbench.harness.result.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code report -Drun=<dir>}: rewrites every report of a run directory from its files alone: cells.jsonl
 * (or cells.jsonl.gz), suite.json and metadata.json (all three required, as by every command: {@link RunStore#requireComplete}).
 */
final class ReportCommand implements CommandHandler {
    /** The command line speaks with one voice in the log, whichever command runs. */
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Override
    public int execute(CommandContext ctx) {
        Path dir = ctx.runDir(Options.RUN_DIR);
        ColorScale colorScale = ctx.get(Options.COLOR_SCALE);
        if (!RunStore.requireComplete(dir)) {
            throw new IllegalArgumentException(dir + " is not an initbench run directory: it has no " + RunStore.CELLS
                    + "; pass -Drun=<run directory>");
        }
        try {
            RunResults run;
            // read under the lock: a run still writing there would otherwise be read half-way
            try (RunLock lock = RunLock.acquire(dir, "rewrite the reports of");
                 RunStore store = RunStore.reopen(dir)) {
                RunStore.Contents contents = RunStore.read(dir);
                if (contents.tornBytes() > 0) {
                    log.warn("{} ends with a record torn by a crash ({} bytes): that cell is left out of the"
                            + " reports and the run is incomplete; resume it (run with -Dout={}) to finish the cell",
                            RunStore.cellsFile(dir), contents.tornBytes(), dir);
                }
                run = new RunResults(RunStore.readSuite(dir), RunStore.readProvenance(dir), contents.records());
                Map<String, String> reports = Reports.writeAll(run, store, colorScale);
                log.info("rewrote {} in {} from {} record(s)", String.join(", ", reports.keySet()), dir,
                        run.cells().size());
            }
            History.update(dir, run.suite().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return Cli.EXIT_OK;
    }
}
