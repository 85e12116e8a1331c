package io.initbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.harness.TestData;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.Axes;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.spec.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

class BenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void trainingFlopsOfAnMlpAreSixTimesItsWeights() {
        CellSpec cell = new CellSpec(DatasetId.MNIST, Architecture.MLP, 4, 256, InitSpec.parse("RELU"), Activation.RELU,
                true, new BiasSpec.Constant(0), 1, TrainingSettings.DEFAULTS);
        assertEquals(6.0 * (784 * 256 + 3 * 256 * 256 + 256 * 10), TrainingFlops.perSample(cell).getAsDouble());
    }

    /** 3×3 'same' convolutions keep the size, 2×2 pools halve it: 28 → 14 → 7 on MNIST. */
    @Test
    void trainingFlopsOfACnnCountEveryOutputPixelOfEveryConvolution() {
        CellSpec cnn = new CellSpec(DatasetId.MNIST, Architecture.CNN, 2, 64, InitSpec.parse("RELU"), Activation.RELU,
                false, new BiasSpec.Constant(0), 1, TrainingSettings.DEFAULTS);
        double conv = 9.0 * 1 * 32 * 28 * 28 + 9.0 * 32 * 64 * 14 * 14;
        assertEquals(6.0 * (conv + 7 * 7 * 64 * 64 + 64 * 10), TrainingFlops.perSample(cnn).getAsDouble());
    }

    @Test
    void picksAFixedSampleSpanningTheGrid() {
        List<Integer> grid = IntStream.range(0, 84).boxed().toList();
        List<CellSpec> cells = grid.stream().map(i -> TestData.cell("XAVIER", Activation.RELU, false, i,
                TestData.training(Optimizer.SGD, 0.1, 1))).toList();
        List<Long> picked = Benchmark.pick(cells, 4).stream().map(CellSpec::seed).toList();
        assertEquals(picked, Benchmark.pick(cells, 4).stream().map(CellSpec::seed).toList(), "deterministic");
        assertEquals(4, picked.stream().distinct().count());
        assertEquals(picked.stream().sorted().toList(), picked, "grid order");
        assertTrue(picked.stream().map(i -> i % 21).distinct().count() > 1, "not all from one position of a block");
        assertEquals(84, Benchmark.pick(cells, 100).size());
    }

    @Test
    void measuresNaiveHarnessAndRoofline() throws Exception {
        TrainingSettings t = TestData.training(Optimizer.SGD, 0.1, 1);
        List<CellSpec> cells = List.of(TestData.cell("XAVIER", Activation.TANH, false, 1, t),
                TestData.cell("RELU", Activation.RELU, true, 2, t));
        Provenance p = new Provenance(new Provenance.Software("v", "c", false, "d", "b", Map.of(), null, null, null,
                "jvm"), new Provenance.Machine("cpu", 2, null, "os", "h"), new Provenance.Run("bench:t", "r", "now", 2, 1),
                List.of());
        Benchmark.Result r = new Benchmark(2, 2, 1, 1, 128).run(new SuiteSpec("t", "", Axes.DEFAULTS, t), cells,
                TestData.dataset(), p, tmp);
        assertEquals(2 * 600, r.samplesPerRun());
        assertTrue(r.naiveSamplesPerSecond() > 0 && r.harnessSamplesPerSecond() > 0);
        assertEquals(r.harnessSamplesPerSecond() / r.naiveSamplesPerSecond(), r.speedup(), 1e-9);
        assertTrue(r.sgemmGflopsOneThread() > 0.1 && r.sgemmGflopsAllThreads() > 0.1);
        assertEquals(6.0 * (784 * 32 + 32 * 32 + 32 * 10), r.trainingFlopsPerSample());
        assertEquals(r.harnessSamplesPerSecond() * r.trainingFlopsPerSample() / 1e9 / r.sgemmGflopsAllThreads(),
                r.harnessRooflineFraction(), 1e-9);
        assertEquals(1, r.stockLayersRuns().size());
        // the training steps alone are faster than the whole run, which also evaluates and sets up
        assertTrue(r.fastLayersTrainingSamplesPerSecond() > r.harnessSamplesPerSecond());
        assertTrue(r.stockLayersTrainingSamplesPerSecond() > r.stockLayersSamplesPerSecond());
        assertEquals(r.harnessSamplesPerSecond() / r.stockLayersSamplesPerSecond(), r.fastOverStock(), 1e-9);
        assertTrue(BenchReport.markdown(r).contains("| b / a |"));
        assertTrue(BenchReport.markdown(r).contains("| b / s (fast over stock layers) |"));
    }
}
