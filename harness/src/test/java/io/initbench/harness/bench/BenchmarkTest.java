package io.initbench.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetLoader;
import io.initbench.datasets.DatasetSettings;
import io.initbench.datasets.LoadedDataset;
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
    private static final String MIRROR = System.getProperty("initbench.testMirror", "../../shared/datasets");

    @TempDir
    Path tmp;

    @Test
    void trainingFlopsOfAnMlpAreSixTimesItsWeights() {
        CellSpec cell = new CellSpec(DatasetId.MNIST, Architecture.MLP, 4, 256, InitSpec.parse("RELU"), Activation.RELU,
                true, new BiasSpec.Constant(0), 0.1, 1, TrainingSettings.DEFAULTS);
        assertEquals(6.0 * (784 * 256 + 3 * 256 * 256 + 256 * 10), TrainingFlops.perSample(cell).getAsDouble());
    }

    /** 3×3 'same' convolutions keep the size, 2×2 pools halve it: 28 → 14 → 7 on MNIST. */
    @Test
    void trainingFlopsOfACnnCountEveryOutputPixelOfEveryConvolution() {
        CellSpec cnn = new CellSpec(DatasetId.MNIST, Architecture.CNN, 2, 64, InitSpec.parse("RELU"), Activation.RELU,
                false, new BiasSpec.Constant(0), 0.1, 1, TrainingSettings.DEFAULTS);
        double conv = 9.0 * 1 * 32 * 28 * 28 + 9.0 * 32 * 64 * 14 * 14;
        assertEquals(6.0 * (conv + 7 * 7 * 64 * 64 + 64 * 10), TrainingFlops.perSample(cnn).getAsDouble());
    }

    @Test
    void measuresBothLayerPathsAgainstTheOneThreadRate() {
        Provenance p = new Provenance(new Provenance.Software("v", "c", false, "d", "b", Map.of(), null, null, null,
                "jvm"), new Provenance.Machine("cpu", 2, null, "os", "h"), new Provenance.Run("bench", "r", "now", 1, 1),
                List.of());
        LoadedDataset mnist = DatasetLoader.create(DatasetSettings.from(Map.of("datasets.mirror", MIRROR,
                "datasets.dir", tmp.resolve("cache").toString()), Map.of())).load(DatasetId.MNIST);
        Benchmark.Result r = new Benchmark(640, 1, 1, 128).run(List.of(Workload.MLP), id -> mnist, p);
        assertEquals(1, r.workloads().size());
        Benchmark.WorkloadResult w = r.workloads().get(0);
        assertEquals("mlp", w.workload());
        assertEquals(6.0 * (784 * 256 + 3 * 256 * 256 + 256 * 10), w.trainingFlopsPerSample());
        assertTrue(r.roofline().sgemmGflopsOneThread() > 0.1);
        assertEquals(LayerProducts.SHAPES.size(), r.products().size());
        for (LayerProducts.Row row : r.products()) {
            assertTrue(row.matmul() > 0.1 && row.cblas() > 0.1 && row.mmuli() > 0.1, row.toString());
        }
        for (Benchmark.PathResult path : List.of(w.stock(), w.fast())) {
            assertEquals(1, path.stepRuns().size());
            assertTrue(path.stepSamplesPerSecond() > 0);
            // the whole run also evaluates (a 5,000-image validation split) and sets up: slower than its steps
            assertTrue(path.wholeSamplesPerSecond() < path.stepSamplesPerSecond(), path.toString());
            assertTrue(path.evaluationShare() > 0 && path.evaluationShare() < 1, path.toString());
            assertEquals(path.stepSamplesPerSecond() * w.trainingFlopsPerSample() / 1e9, path.gflops(), 1e-6);
            assertEquals(path.gflops() / r.roofline().sgemmGflopsOneThread(), path.sgemmFraction(), 1e-12);
        }
        assertEquals(w.fast().stepSamplesPerSecond() / w.stock().stepSamplesPerSecond(), w.stepSpeedup(), 1e-12);
        assertTrue(BenchReport.markdown(r).contains("| mlp | fast |"));
    }

    @Test
    void workloadsAreNamedByKeyAndAWrongNameListsTheRight() {
        assertEquals(Workload.GLOROT_MLP, Workload.parse("glorot-mlp"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workload.parse("mpl"));
        assertTrue(e.getMessage().contains("mlp, mlp-bn, cnn, cnn-bn, glorot-mlp"), e.getMessage());
    }
}
