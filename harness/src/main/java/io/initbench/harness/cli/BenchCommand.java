package io.initbench.harness.cli;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetLoader;
import io.initbench.datasets.DatasetSettings;
import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.bench.BenchReport;
import io.initbench.harness.bench.Benchmark;
import io.initbench.harness.bench.Workload;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.ProvenanceCollector;
import io.initbench.harness.result.RunDirectories;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
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
        Map<String, String> props = ctx.props();
        Options opts = ctx.options();
        List<Workload> workloads = Arrays.stream(props.getOrDefault("bench.workloads", Workload.allKeys()).split(","))
                .filter(s -> !s.isBlank()).map(Workload::parse).distinct().toList();
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("-Dbench.workloads names no workload; use any of " + Workload.allKeys());
        }
        // per core unless asked otherwise: one worker, one native thread
        int threads = props.containsKey("threads") ? opts.threads() : 1;
        Benchmark bench = new Benchmark(Options.intProp(props, "bench.samples"), Options.intProp(props,
                "bench.repeats"), threads, Options.intProp(props, "bench.gemm"));
        DatasetLoader loader = DatasetLoader.create(DatasetSettings.from(props, ctx.env()));
        Map<DatasetId, LoadedDataset> data = new EnumMap<>(DatasetId.class);
        for (Workload w : workloads) {
            data.computeIfAbsent(w.dataset(), loader::load);
        }
        Instant started = Instant.now();
        String runId = RunDirectories.runId(started, ctx.workDir());
        Path dir = ctx.outputDir(opts, "bench", runId);
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
