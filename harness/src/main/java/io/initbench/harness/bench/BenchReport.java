package io.initbench.harness.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.initbench.harness.output.Escape;
import io.initbench.harness.output.Format;
import io.initbench.harness.output.OutputWriter;
import io.initbench.harness.result.ResultJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The result as a short Markdown report: one row per workload and layer path. */
    public static String markdown(Benchmark.Result r) {
        Benchmark.Settings set = r.settings();
        StringBuilder sb = new StringBuilder("# Benchmark: training speed against the hardware\n\n");
        sb.append("One worker × ").append(set.threads()).append(" native thread(s); each run trains ")
                .append(set.maxSamples() == 0 ? "its suite's budget with that suite's evaluation schedule (below)"
                        : "one epoch of " + set.maxSamples() + " images with its suite's evaluation points")
                .append("; median of ")
                .append(set.repeats()).append(" runs, stock and fast layers interleaved, after one unrecorded warm-up run of ")
                .append(Benchmark.WARMUP_STEPS).append(" steps per layer path (the JIT compiles on it). Roofline: ND4J's ")
                .append(r.roofline().gemmSize()).append("³ single-precision matrix product on one thread, ")
                .append(Format.fixed(r.roofline().sgemmGflopsOneThread(), 1)).append(" GFLOP/s. FLOPs per sample:"
                        + " 6·Σ dense nIn·nOut + conv kH·kW·nIn·nOut·outH·outW.\n\n");
        sb.append("| workload | layers | training steps, samples/s | GFLOP/s | of 1-thread sgemm | whole run, samples/s"
                + " | whole ÷ steps | evaluation share |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Benchmark.WorkloadResult w : r.workloads()) {
            row(sb, w, "stock", w.stock());
            row(sb, w, "fast", w.fast());
        }
        sb.append("\n| workload | fast ÷ stock (steps) | MFLOP per sample |\n|---|---:|---:|\n");
        for (Benchmark.WorkloadResult w : r.workloads()) {
            sb.append("| ").append(w.workload()).append(" | ").append(Format.fixed(w.stepSpeedup(), 2)).append("× | ")
                    .append(Format.fixed(w.trainingFlopsPerSample() / 1e6, 2)).append(" |\n");
        }
        if (!r.products().isEmpty()) {
            sb.append("\nA dense layer's forward product on one thread, GFLOP/s, by route (the fast layers use matmul):"
                    + "\n\n| batch × nIn × nOut | libnd4j matmul | OpenBLAS cblas_sgemm | DL4J mmuli (stock) |"
                    + "\n|---|---:|---:|---:|\n");
            for (LayerProducts.Row p : r.products()) {
                sb.append("| ").append(p.batch()).append(" × ").append(p.nIn()).append(" × ").append(p.nOut())
                        .append(" | ").append(Format.fixed(p.matmul(), 1)).append(" | ")
                        .append(Format.fixed(p.cblas(), 1)).append(" | ").append(Format.fixed(p.mmuli(), 1))
                        .append(" |\n");
            }
        }
        ratio(sb, r, "mlp-bn", "mlp");
        ratio(sb, r, "cnn-bn", "cnn");
        sb.append("\nworkloads:\n");
        for (Benchmark.WorkloadResult w : r.workloads()) {
            sb.append("- ").append(w.workload()).append(": ").append(Escape.markdown(w.description()))
                    .append("; training steps per run (samples/s): stock ").append(runs(w.stock().stepRuns()))
                    .append(", fast ").append(runs(w.fast().stepRuns())).append('\n');
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, Benchmark.WorkloadResult w, String path, Benchmark.PathResult p) {
        sb.append("| ").append(w.workload()).append(" | ").append(path).append(" | ")
                .append(Format.fixed(p.stepSamplesPerSecond(), 0)).append(" | ").append(Format.fixed(p.gflops(), 1))
                .append(" | ").append(Format.fixed(100 * p.sgemmFraction(), 1)).append(" % | ")
                .append(Format.fixed(p.wholeSamplesPerSecond(), 0)).append(" | ")
                .append(Format.fixed(p.wholeOverSteps(), 2)).append(" | ")
                .append(Format.fixed(100 * p.evaluationShare(), 1)).append(" % |\n");
    }

    /** "BatchNorm costs": the BN workload's training-step rate over its plain twin's, per layer path. */
    private static void ratio(StringBuilder sb, Benchmark.Result r, String bn, String plain) {
        Benchmark.WorkloadResult a = find(r, bn);
        Benchmark.WorkloadResult b = find(r, plain);
        if (a != null && b != null) {
            sb.append("\n").append(bn).append(" ÷ ").append(plain).append(" (training steps): stock ")
                    .append(Format.fixed(a.stock().stepSamplesPerSecond() / b.stock().stepSamplesPerSecond(), 2))
                    .append(", fast ")
                    .append(Format.fixed(a.fast().stepSamplesPerSecond() / b.fast().stepSamplesPerSecond(), 2))
                    .append('\n');
        }
    }

    private static Benchmark.WorkloadResult find(Benchmark.Result r, String key) {
        return r.workloads().stream().filter(w -> w.workload().equals(key)).findFirst().orElse(null);
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

}
