package io.initbench.harness.cli;

import io.initbench.harness.report.ColorScale;
import io.initbench.harness.report.History;
import io.initbench.harness.report.Reports;
import io.initbench.harness.report.RunResults;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunLock;
import io.initbench.harness.result.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code report -Drun=<dir>}: rewrites every report of a run directory from its files alone: cells.jsonl,
 * with suite.json and metadata.json when present (without them only the suite's description is lost).
 */
final class ReportCommand implements CommandHandler {
    /** The command line speaks with one voice in the log, whichever command runs. */
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Override
    public int execute(CommandContext ctx) {
        Path dir = ctx.runDir("run");
        ColorScale colorScale = ctx.colorScale();
        try {
            List<CellRecord> cells = RunStore.readCells(dir);
            boolean full = Files.exists(dir.resolve(RunStore.SUITE)) && Files.exists(dir.resolve(RunStore.METADATA));
            if (!full && !Files.exists(dir.resolve(RunStore.CELLS))) {
                throw new IOException(dir + " is not an initbench run directory: it has no " + RunStore.CELLS);
            }
            RunResults run = full ? new RunResults(RunStore.readSuite(dir), RunStore.readProvenance(dir), cells)
                    : RunResults.fromCells(cells);
            try (RunLock lock = RunLock.acquire(dir, "rewrite the reports of");
                 RunStore store = RunStore.reopen(dir)) {
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
