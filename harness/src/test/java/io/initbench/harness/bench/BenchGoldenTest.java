package io.initbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.output.Outputs;
import io.initbench.harness.report.ReportGoldenTest;
import io.initbench.harness.result.ResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench.md} and {@code bench.json} against golden files made from a result written out by hand.
 * To accept an intended format change: {@code -Dtest=BenchGoldenTest -Dgolden.update=true}, then review
 * the diff of src/test/resources/golden.
 */
class BenchGoldenTest {
    @TempDir
    Path tmp;

    /** A result with fixed figures; provenance is left out (null), as it is the run's, not the format's. */
    static Benchmark.Result result() {
        Benchmark.Roofline roofline = new Benchmark.Roofline(2048, 120.5);
        return new Benchmark.Result(new Benchmark.Settings(0, 3, 1), roofline,
                List.of(new LayerProducts.Row(128, 784, 256, 141.25, 90.5, 41.0)), List.of(
                workload("mlp", "MLP 784-256×4-10", 2.399e6, 10_500, 24_000, roofline),
                workload("mlp-bn", "MLP + BatchNorm", 2.399e6, 5_200, 20_000, roofline)), null);
    }

    private static Benchmark.WorkloadResult workload(String key, String description, double flops, double stock,
                                                     double fast, Benchmark.Roofline roofline) {
        return new Benchmark.WorkloadResult(key, description, flops,
                path(List.of(stock * 0.97, stock, stock * 1.02), flops, roofline, 0.7, 0.31),
                path(List.of(fast * 0.99, fast, fast * 1.05), flops, roofline, 0.85, 0.12));
    }

    private static Benchmark.PathResult path(List<Double> steps, double flops, Benchmark.Roofline roofline,
                                             double wholeFraction, double evalShare) {
        double step = steps.get(1);
        double gflops = step * flops / 1e9;
        return new Benchmark.PathResult(steps, steps.stream().map(v -> v * wholeFraction).toList(), step,
                step * wholeFraction, evalShare, gflops, gflops / roofline.sgemmGflopsOneThread());
    }

    @Test
    void markdownAndJsonMatchGolden() throws IOException {
        Benchmark.Result r = result();
        ReportGoldenTest.assertGolden("bench.md", Outputs.render(BenchReport.MARKDOWN, r));
        ReportGoldenTest.assertGolden("bench.json", Outputs.render(BenchReport.JSON, r));
    }

    @Test
    void batchNormCostIsStatedPerLayerPath() throws IOException {
        String md = Outputs.render(BenchReport.MARKDOWN, result());
        // 5,200 / 10,500 and 20,000 / 24,000
        assertTrue(md.contains("mlp-bn ÷ mlp (training steps): stock 0.50, fast 0.83"), md);
        assertTrue(md.contains("| mlp | 2.29× | 2.40 |"), md);
        assertFalse(md.contains("cnn-bn ÷"), "no CNN row without the CNN workloads: " + md);
    }

    @Test
    void jsonReadsBackAsTheSameResult() throws IOException {
        Benchmark.Result r = result();
        assertEquals(r, ResultJson.mapper().readValue(Outputs.render(BenchReport.JSON, r), Benchmark.Result.class));
    }

    @Test
    void bothFilesAreWrittenIntoTheBenchDirectory() throws IOException {
        Map<String, String> written = Outputs.write(tmp.resolve("bench/run"), result(),
                BenchReport.outputs());
        assertEquals(List.of("bench.md", "bench.json"), List.copyOf(written.keySet()));
        for (var e : written.entrySet()) {
            assertEquals(e.getValue(), Files.readString(tmp.resolve("bench/run").resolve(e.getKey())));
        }
    }
}
