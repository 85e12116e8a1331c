package io.initbench.harness.cli;

import io.initbench.datasets.DatasetLoader;
import io.initbench.datasets.DatasetSettings;
import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.bench.BenchReport;
import io.initbench.harness.bench.Benchmark;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.ProvenanceCollector;
import io.initbench.harness.result.RunDirectories;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench}: benchmarks the harness against a naive DL4J loop on {@code -Dbench.cells} cells of
 * {@code -Dsuite} (a fixed sample spanning its grid), with the sgemm roofline; writes {@code bench.md} and
 * {@code bench.json}.
 */
final class BenchCommand implements CommandHandler {
    /** The command line speaks with one voice in the log, whichever command runs. */
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Override
    public int execute(CommandContext ctx) throws InterruptedException {
        Map<String, String> props = ctx.props();
        Options opts = ctx.options();
        // same evaluation schedule as the naive loop (once per epoch) unless asked otherwise
        Map<String, String> benchProps = new HashMap<>(props);
        benchProps.putIfAbsent("evalEvery", "0");
        SuiteSpec suite = new SuiteLoader().load(opts.suite(), benchProps);
        int count = Options.intProp(props, "bench.cells");
        int repeats = Options.intProp(props, "bench.repeats");
        int gemm = Options.intProp(props, "bench.gemm");
        if (count < 1 || repeats < 1) {
            throw new IllegalArgumentException("-Dbench.cells and -Dbench.repeats must be 1 or more");
        }
        List<CellSpec> cells = Benchmark.pick(Grid.cells(suite), count);
        LoadedDataset dataset = DatasetLoader.create(DatasetSettings.from(props, ctx.env())).load(cells.get(0).dataset());
        Instant started = Instant.now();
        String runId = RunDirectories.runId(started, ctx.workDir());
        Path dir = ctx.outputDir(opts, "bench", runId);
        int cores = Runtime.getRuntime().availableProcessors();
        Provenance provenance = ProvenanceCollector.collect("bench:" + suite.name(), runId, ctx.workDir(),
                List.of(dataset), opts.workers(), opts.threads(), started, "stock,fast");
        log.info("benchmark: {} cells of {} × {} repeats, naive vs harness ({} workers), then sgemm {}³",
                cells.size(), suite.name(), repeats, opts.workers(), gemm);
        Benchmark.Result result = new Benchmark(cores, opts.workers(), opts.threads(), repeats, gemm)
                .run(suite, cells, dataset, provenance, dir.resolve("scratch"));
        Map<String, String> written = ctx.write(dir, result, BenchReport.outputs());
        ctx.out().println(written.get("bench.md"));
        log.info("benchmark written to {}", dir);
        return Cli.EXIT_OK;
    }
}
