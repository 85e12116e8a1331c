package io.initbench.harness.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.DatasetLoader;
import io.initbench.datasets.DatasetSettings;
import io.initbench.datasets.LoadedDataset;
import io.initbench.datasets.Normalization;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.TrainingSettings;
import io.initbench.harness.train.CellTrainer;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.PreparedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;

/**
 * A seeded CNN cell on a small MNIST subset learns the same curve on fast layers as on stock ones:
 * the fast/stock gap stays below the gap between two seeds of the stock layers, which is what
 * "within seed noise" means here.
 */
class LearningCurveTest {
    private static final String MIRROR = System.getProperty("initbench.testMirror", "../../shared/datasets");
    private static PreparedData data;

    @BeforeAll
    static void load(@TempDir Path cache) {
        NativeThreads.configure(1);
        LoadedDataset mnist = DatasetLoader.create(DatasetSettings.from(Map.of("datasets.mirror", MIRROR,
                "datasets.dir", cache.toString()), Map.of())).load(DatasetId.MNIST);
        data = PreparedData.of(mnist, new PreparedData.Key(new DatasetRef.Builtin(DatasetId.MNIST), 640, 300, 0, 1,
                Normalization.UNIT));
    }

    private static List<CurvePoint> curve(LayerPath path, long seed, boolean batchNorm, Architecture arch) {
        TrainingSettings t = new TrainingSettings(Optimizer.NESTEROVS, 32, 1, 5, 0.9, 640, 300,
                Normalization.UNIT, 0, 0, 1, false);
        CellSpec cell = new CellSpec(DatasetId.MNIST, arch, arch == Architecture.CNN ? 1 : 3, arch == Architecture.CNN ? 32 : 64, InitSpec.parse("RELU"), Activation.RELU,
                batchNorm, new BiasSpec.Constant(0), 0.02, seed, t);
        CellTrainer.Outcome o = new CellTrainer(null, path).run(cell, data);
        assertEquals(Status.OK, o.status(), o.reason());
        return o.curve();
    }

    private static double gap(List<CurvePoint> a, List<CurvePoint> b, ToDoubleFunction<CurvePoint> f) {
        assertEquals(a.size(), b.size(), "same evaluation points");
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).iteration(), b.get(i).iteration());
            max = Math.max(max, Math.abs(f.applyAsDouble(a.get(i)) - f.applyAsDouble(b.get(i))));
        }
        return max;
    }

    @ParameterizedTest
    @CsvSource({"CNN,false", "CNN,true", "MLP,false", "MLP,true"})
    void fastLayersStayWithinSeedNoiseOfStock(Architecture arch, boolean batchNorm) {
        List<CurvePoint> stock = curve(LayerPath.STOCK, 1, batchNorm, arch);
        List<CurvePoint> fast = curve(LayerPath.FAST, 1, batchNorm, arch);
        List<CurvePoint> otherSeed = curve(LayerPath.STOCK, 2, batchNorm, arch);
        assertTrue(fast.get(fast.size() - 1).testAccuracy() > 0.25, "the fast cell learned: " + fast);
        ToDoubleFunction<CurvePoint> acc = CurvePoint::testAccuracy;
        // the first point is before training: no loss yet
        ToDoubleFunction<CurvePoint> loss = p -> p.trainLoss() == null ? 0 : p.trainLoss();
        double pathAcc = gap(stock, fast, acc);
        double seedAcc = gap(stock, otherSeed, acc);
        double pathLoss = gap(stock, fast, loss);
        double seedLoss = gap(stock, otherSeed, loss);
        assertTrue(pathAcc <= seedAcc && pathLoss <= seedLoss, String.format(
                "fast vs stock: accuracy gap %.4f, loss gap %.4f; seed 1 vs 2: %.4f, %.4f", pathAcc, pathLoss,
                seedAcc, seedLoss));
    }
}
