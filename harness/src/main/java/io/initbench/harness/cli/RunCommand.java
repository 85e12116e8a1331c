package io.initbench.harness.cli;

import io.initbench.datasets.DatasetSettings;
import io.initbench.harness.api.RunRequest;
import io.initbench.harness.api.Runner;
import io.initbench.harness.report.ColorScale;
import io.initbench.harness.train.SuiteRunner;
import java.nio.file.Path;
import java.util.Map;
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
        Map<String, String> props = ctx.props();
        Options opts = ctx.options();
        ColorScale colorScale = ctx.colorScale();
        RunRequest request = RunRequest.of(opts.suite()).overrides(props).workDir(ctx.workDir())
                .out(opts.out() == null ? null : Path.of(opts.out()))
                .datasets(() -> DatasetSettings.from(props, ctx.env())).workers(opts.workers()).threads(opts.threads())
                .layers(opts.layers()).shard(opts.shard()).saveModels(opts.saveModels())
                .maxStarts(Options.intProp(props, "resume.maxStarts", SuiteRunner.MAX_STARTS)).colorScale(colorScale)
                .build();
        Runner.Outcome written = new Runner(request)
                .progress((suite, cells) -> new Progress(suite, cells, System.console() != null)).run();
        ctx.out().println(written.reports().get("matrix.md"));
        log.info("done: {} in {}  ({})", written.counts(), written.dir(), String.join(", ", written.reports().keySet()));
        return new RunOutcome(written.dir(), written.records());
    }
}
