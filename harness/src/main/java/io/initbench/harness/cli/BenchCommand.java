package io.initbench.harness.cli;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetLoader;
import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.bench.BenchReport;
import io.initbench.harness.bench.Benchmark;
import io.initbench.harness.bench.Workload;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.ProvenanceCollector;
import io.initbench.harness.result.RunDirectories;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench}: trains the benchmark workloads ({@code -Dbench.workloads}) on stock and fast layers against
 * the single-thread matrix-product rate; writes {@code bench.md} and {@code bench.json}.
 */
final class BenchCommand implements CommandHandler {
    /** The command line speaks with one voice in the log, whichever command runs. */
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Override
    public int execute(CommandContext ctx) throws InterruptedException {
        List<Workload> workloads = ctx.get(Options.BENCH_WORKLOADS);
        // per core unless asked otherwise: one worker, one native thread
        int threads = ctx.find(Options.THREADS).orElse(1);
        Benchmark bench = new Benchmark(ctx.get(Options.BENCH_SAMPLES), ctx.get(Options.BENCH_REPEATS), threads,
                ctx.get(Options.BENCH_GEMM));
        DatasetLoader loader = DatasetLoader.create(ctx.datasets());
        Map<DatasetId, LoadedDataset> data = new EnumMap<>(DatasetId.class);
        for (Workload w : workloads) {
            data.computeIfAbsent(w.dataset(), loader::load);
        }
        Instant started = Instant.now();
        String runId = RunDirectories.runId(started, ctx.workDir());
        Path dir = ctx.outputDir("bench", runId);
        Provenance provenance = ProvenanceCollector.collect("bench", runId, ctx.workDir(), List.copyOf(data.values()),
                1, threads, started, "stock,fast");
        log.info("benchmark: {} on stock and fast layers, 1 worker × {} native thread(s)",
                workloads.stream().map(Workload::key).toList(), threads);
        Benchmark.Result result = bench.run(workloads, data::get, provenance);
        Map<String, String> written = ctx.write(dir, result, BenchReport.outputs());
        ctx.out().println(written.get("bench.md"));
        log.info("benchmark written to {}", dir);
        return Cli.EXIT_OK;
    }
}
