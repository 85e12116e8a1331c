package io.initbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.report.Outputs;
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
    static Benchmark.Result result(Double flopsPerSample, int evalEvery) {
        double naive = 1234.5;
        double fast = 4567.8;
        double stock = 3210.9;
        double all = 250.25;
        return new Benchmark.Result("smoke", List.of("mnist mlp XAVIER RELU bn seed 1", "mnist mlp RELU [custom] seed 2"),
                120_000, 3, 16, 8, 2, List.of(1200.4, 1234.5, 1301.0), List.of(4500.0, 4567.8, 4601.2), naive, fast,
                fast / naive, 1024, 48.75, all, flopsPerSample,
                flopsPerSample == null ? null : naive * flopsPerSample / 1e9,
                flopsPerSample == null ? null : fast * flopsPerSample / 1e9,
                flopsPerSample == null ? null : fast * flopsPerSample / 1e9 / all, evalEvery, null,
                List.of(3100.0, 3210.9, 3333.3), stock, fast / stock,
                flopsPerSample == null ? null : stock * flopsPerSample / 1e9 / all, 812.25, 1099.5);
    }

    @Test
    void markdownAndJsonMatchGolden() throws IOException {
        Benchmark.Result r = result(1.2345e6, 0);
        ReportGoldenTest.assertGolden("bench.md", Outputs.render(BenchReport.MARKDOWN, r));
        ReportGoldenTest.assertGolden("bench.json", Outputs.render(BenchReport.JSON, r));
    }

    @Test
    void withoutAKnownCostPerSampleTheFlopRowsAreLeftOut() throws IOException {
        String md = Outputs.render(BenchReport.MARKDOWN, result(null, 100));
        assertFalse(md.contains("GFLOP/s |") && md.contains("achieved"), md);
        assertFalse(md.contains("fraction of the roofline"), md);
        assertTrue(md.contains("the harness every 100 iterations, plus once before training"), md);
        assertTrue(md.contains("| b / a | 3.70× |"), md);
    }

    @Test
    void jsonReadsBackAsTheSameResult() throws IOException {
        Benchmark.Result r = result(1.2345e6, 0);
        assertEquals(r, ResultJson.mapper().readValue(Outputs.render(BenchReport.JSON, r), Benchmark.Result.class));
    }

    @Test
    void bothFilesAreWrittenIntoTheBenchDirectory() throws IOException {
        Map<String, String> written = Outputs.write(tmp.resolve("bench/run"), result(1.2345e6, 0),
                BenchReport.outputs());
        assertEquals(List.of("bench.md", "bench.json"), List.copyOf(written.keySet()));
        for (var e : written.entrySet()) {
            assertEquals(e.getValue(), Files.readString(tmp.resolve("bench/run").resolve(e.getKey())));
        }
    }
}
