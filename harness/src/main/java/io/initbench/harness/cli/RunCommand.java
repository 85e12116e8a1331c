package io.initbench.harness.cli;

import io.initbench.harness.api.RunRequest;
import io.initbench.harness.api.Runner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run}: loads the suite named by {@code -Dsuite}, trains every cell of this shard that the run
 * directory does not hold yet (a re-run with the same {@code -Dout} resumes), writes records and reports,
 * through the library's {@link Runner}; this class turns options into its {@link RunRequest}.
 */
final class RunCommand implements CommandHandler {
    /** The command line speaks with one voice in the log, whichever command runs. */
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Override
    public int execute(CommandContext ctx) throws InterruptedException {
        runSuite(ctx);
        return Cli.EXIT_OK;
    }

    RunOutcome runSuite(CommandContext ctx) throws InterruptedException {
        Runner.Outcome written = new Runner(request(ctx))
                .progress((suite, cells) -> new Progress(suite, cells, System.console() != null)).run();
        ctx.out().println(written.reports().get("matrix.md"));
        log.info("done: {} in {}  ({})", written.counts(), written.dir(), String.join(", ", written.reports().keySet()));
        return new RunOutcome(written.dir(), written.records());
    }

    /** The options as the library's request; every option is read (and a bad value refused) before any work. */
    static RunRequest request(CommandContext ctx) {
        return RunRequest.of(ctx.find(Options.SUITE).orElse(null)).overrides(ctx.suiteOverrides())
                .workDir(ctx.workDir()).out(ctx.find(Options.OUT).orElse(null)).datasets(ctx::datasets)
                .workers(ctx.get(Options.WORKERS)).threads(ctx.get(Options.THREADS)).layers(ctx.get(Options.LAYERS))
                .shard(ctx.get(Options.SHARD)).saveModels(ctx.get(Options.SAVE_MODELS))
                .maxStarts(ctx.get(Options.MAX_STARTS)).colorScale(ctx.get(Options.COLOR_SCALE)).build();
    }
}
