package io.initbench.harness.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.initbench.harness.report.Escape;
import io.initbench.harness.report.Format;
import io.initbench.harness.report.OutputWriter;
import io.initbench.harness.result.ResultJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/** The benchmark as Markdown ({@code bench.md}, for people) and JSON ({@code bench.json}, every figure and run). */
public final class BenchReport {
    private BenchReport() {
    }

    public static final OutputWriter<Benchmark.Result> MARKDOWN = (r, out) -> out.append(markdown(r));

    public static final OutputWriter<Benchmark.Result> JSON = (r, out) -> out.append(json(r));

    /** The files {@code bench} writes, by name. */
    public static Map<String, OutputWriter<Benchmark.Result>> outputs() {
        Map<String, OutputWriter<Benchmark.Result>> m = new LinkedHashMap<>();
        m.put("bench.md", MARKDOWN);
        m.put("bench.json", JSON);
        return m;
    }

    /** The result as a short Markdown report. */
    public static String markdown(Benchmark.Result r) {
        StringBuilder sb = new StringBuilder("# Benchmark: ").append(Escape.markdown(r.suite())).append("\n\n");
        sb.append(r.cells().size()).append(" cells, ").append(r.samplesPerRun()).append(" training samples per run,"
                + " median of ").append(r.repeats()).append(" runs, ").append(r.cores()).append(" cores; harness: ")
                .append(r.workers()).append(" workers × ").append(r.threadsPerWorker()).append(" native thread(s);"
                + " naive: ").append(r.cores()).append(" native threads. Both evaluate on the full test split; the"
                + " harness every ").append(r.evalEvery() == 0 ? "epoch (as the naive loop)" : r.evalEvery()
                + " iterations").append(", plus once before training, and it records its diagnostics.\n\n");
        sb.append("| measure | value |\n|---|---:|\n");
        row(sb, "(a) naive DL4J loop (stock layers), samples/s", r.naiveSamplesPerSecond(), v -> Format.fixed(v, 0));
        row(sb, "(s) initbench harness on stock layers, samples/s", r.stockLayersSamplesPerSecond(),
                v -> Format.fixed(v, 0));
        row(sb, "(b) initbench harness on fast layers, samples/s", r.harnessSamplesPerSecond(),
                v -> Format.fixed(v, 0));
        row(sb, "b / a", r.speedup(), v -> Format.fixed(v, 2) + "×");
        row(sb, "b / s (fast over stock layers)", r.fastOverStock(), v -> Format.fixed(v, 2) + "×");
        row(sb, "(s) training steps only, samples/s per worker", r.stockLayersTrainingSamplesPerSecond(),
                v -> Format.fixed(v, 0));
        row(sb, "(b) training steps only, samples/s per worker", r.fastLayersTrainingSamplesPerSecond(),
                v -> Format.fixed(v, 0));
        row(sb, "(c) sgemm " + r.gemmSize() + "³, 1 thread, GFLOP/s", r.sgemmGflopsOneThread(),
                v -> Format.fixed(v, 1));
        row(sb, "(c) sgemm " + r.gemmSize() + "³, " + r.cores() + " threads (roofline), GFLOP/s",
                r.sgemmGflopsAllThreads(), v -> Format.fixed(v, 1));
        if (r.trainingFlopsPerSample() != null) { // unknown for user data, whose shape is read with it
            row(sb, "training FLOPs per sample (6·Σ dense nIn·nOut + conv kH·kW·nIn·nOut·outH·outW)",
                    r.trainingFlopsPerSample(), v -> Format.significant(v, 3));
            row(sb, "(a) achieved GFLOP/s", r.naiveGflops(), v -> Format.fixed(v, 2));
            row(sb, "(b) achieved GFLOP/s", r.harnessGflops(), v -> Format.fixed(v, 2));
            row(sb, "(s) fraction of the roofline", 100 * r.stockLayersRooflineFraction(),
                    v -> Format.fixed(v, 1) + " %");
            row(sb, "(b) fraction of the roofline", 100 * r.harnessRooflineFraction(),
                    v -> Format.fixed(v, 1) + " %");
        }
        sb.append("\nruns (samples/s): naive ").append(runs(r.naiveRuns())).append(", harness on stock layers ")
                .append(runs(r.stockLayersRuns())).append(", on fast layers ").append(runs(r.harnessRuns()))
                .append("\n\ncells:\n");
        r.cells().forEach(c -> sb.append("- ").append(Escape.markdown(c)).append('\n'));
        return sb.toString();
    }

    /** Every field of the result, provenance included, as the result files write JSON. */
    public static String json(Benchmark.Result r) {
        try {
            return ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write bench.json: " + e.getMessage(), e);
        }
    }

    private static List<String> runs(List<Double> xs) {
        return xs.stream().map(v -> Format.fixed(v, 0)).toList();
    }

    private static void row(StringBuilder sb, String name, double v, DoubleFunction<String> format) {
        sb.append("| ").append(name).append(" | ").append(format.apply(v)).append(" |\n");
    }
}
