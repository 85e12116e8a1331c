package io.initbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.TestData;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Optimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class CellTrainerTest {
    private static PreparedData data;
    private final CellTrainer trainer = new CellTrainer();

    @BeforeAll
    static void setUp() {
        NativeThreads.configure(1);
        data = TestData.prepared();
    }

    @Test
    void shortTrainingLowersTheLossAndLearns() {
        CellSpec cell = TestData.cell("XAVIER", Activation.TANH, false, 3, TestData.training(Optimizer.SGD, 3));
        CellTrainer.Outcome o = trainer.run(cell, data);
        assertEquals(Status.OK, o.status(), o.reason());
        List<CurvePoint> curve = o.curve();
        // 600 / 32 = 19 iterations per epoch (last batch 24), 57 in all; eval every 5 + start + end
        assertEquals(57, o.metrics().timing().iterations());
        assertEquals(1800, o.metrics().timing().samples());
        assertEquals(1 + 11 + 1, curve.size());
        assertEquals(0, curve.get(0).iteration());
        double firstLoss = curve.get(1).trainLoss();
        double lastLoss = curve.get(curve.size() - 1).trainLoss();
        assertTrue(lastLoss < firstLoss / 2, "loss " + firstLoss + " -> " + lastLoss);
        assertTrue(curve.get(0).accuracy() < 0.3, "untrained is near chance");
        assertTrue(o.metrics().accuracy().finalTest() > 0.9, "learned: " + o.metrics().accuracy().finalTest());
        assertNotNull(o.metrics().convergence().iterationsToTarget());
        assertTrue(o.metrics().convergence().auc() > 0.5 && o.metrics().convergence().auc() < 1.0, "auc " + o.metrics().convergence().auc());
        assertEquals(784 * 32 + 32 + 32 * 32 + 32 + 32 * 10 + 10, o.metrics().parameterCount());
    }

    @Test
    void explodingCellStopsAtItsFirstNonFiniteIteration() {
        CellSpec cell = TestData.cell("RELU", Activation.RELU, false, 1e12, 1, TestData.training(Optimizer.SGD, 5));
        CellTrainer.Outcome o = trainer.run(cell, data);
        assertEquals(Status.DIVERGED, o.status());
        Long at = o.metrics().convergence().divergedAtIteration();
        assertNotNull(at);
        assertEquals(at.longValue(), o.metrics().timing().iterations(), "training stopped right at the divergence");
        assertTrue(at < 19 * 5, "stopped early, at iteration " + at + " of 95");
        assertTrue(o.reason().contains("at iteration " + at), o.reason());
        assertNull(o.metrics().accuracy().finalTest(), "a diverged net has no final accuracy");
        assertNull(o.metrics().convergence().auc());
    }

    @Test
    void zeroInitStaysAtChance() {
        CellSpec cell = TestData.cell("ZERO", Activation.TANH, false, 1, TestData.training(Optimizer.SGD, 2));
        CellTrainer.Outcome o = trainer.run(cell, data);
        assertEquals(Status.OK, o.status());
        // 200 test images, 20 per class: a constant prediction scores exactly 0.1
        assertEquals(0.1, o.metrics().accuracy().finalTest(), 1e-12);
        assertNull(o.metrics().convergence().iterationsToTarget());
    }

    @Test
    void identityOnNonSquareLayerIsSkippedWithReason() {
        CellSpec cell = TestData.cell("IDENTITY", Activation.RELU, false, 1, TestData.training(Optimizer.SGD, 1));
        CellTrainer.Outcome o = trainer.run(cell, data);
        assertEquals(Status.SKIPPED, o.status());
        assertTrue(o.reason().contains("IDENTITY") && o.reason().contains("square"), o.reason());
        assertEquals(0, o.metrics().timing().iterations());
    }

    @Test
    void pretrainedStartsFromTheSavedWeightsAndRejectsOtherShapes(@TempDir Path models) {
        CellSpec source = TestData.cell("XAVIER", Activation.TANH, false, 3, TestData.training(Optimizer.SGD, 2));
        CellTrainer.Outcome trained = new CellTrainer(models).run(source, data);
        Path saved = models.resolve(source.id() + ".zip");
        assertTrue(Files.exists(saved));
        CellSpec warm = TestData.cell("PRETRAINED(" + saved + ")", Activation.TANH, false, 9,
                TestData.training(Optimizer.SGD, 1));
        CellTrainer.Outcome o = trainer.run(warm, data);
        assertEquals(Status.OK, o.status(), o.reason());
        assertEquals(trained.metrics().accuracy().finalTest(), o.metrics().accuracy().initial(),
                "step 0 of the pretrained cell is the saved network");
        CellSpec wider = new CellSpec(warm.dataset(), warm.architecture(), warm.depth(), 64, warm.weightInit(),
                warm.activation(), false, warm.biasInit(), warm.learningRate(), 9, warm.training());
        CellTrainer.Outcome mismatch = trainer.run(wider, data);
        assertEquals(Status.SKIPPED, mismatch.status());
        assertTrue(mismatch.reason().contains("shape [784, 32] in the saved model but [784, 64]"), mismatch.reason());
        CellTrainer.Outcome missing = trainer.run(TestData.cell("PRETRAINED(" + models.resolve("nope.zip") + ")",
                Activation.TANH, false, 9, TestData.training(Optimizer.SGD, 1)), data);
        assertEquals(Status.SKIPPED, missing.status());
        assertTrue(missing.reason().contains("cannot read the saved model"), missing.reason());
    }

    @Test
    void timeBudgetEndsCellAsTimeout() {
        var t = TestData.training(Optimizer.SGD, 1000);
        var budget = new io.initbench.harness.spec.TrainingSettings(t.optimizer(), t.batchSize(),
                t.epochs(), t.evalEvery(), t.targetAccuracy(), 0, 0, t.normalization(), 0.5, 0, 1, false);
        CellTrainer.Outcome o = trainer.run(TestData.cell("XAVIER", Activation.RELU, false, 1, budget), data);
        assertEquals(Status.TIMEOUT, o.status());
        assertTrue(o.metrics().timing().iterations() < 19 * 1000);
        assertNotNull(o.metrics().accuracy().finalTest(), "what was trained is still measured");
    }
}
