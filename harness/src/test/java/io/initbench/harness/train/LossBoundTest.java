package io.initbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.TestData;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import io.initbench.harness.model.fast.LayerPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;

/** The finite-divergence rule keeps every reference cell's status and catches finite blow-ups. */
class LossBoundTest {
    private static final Path REFERENCE = Path.of("../results/reference");
    private static PreparedData data;

    @BeforeAll
    static void setUp() {
        NativeThreads.configure(1);
        data = TestData.prepared();
    }

    /** The rule applied to a recorded learning curve: the status it would have given the cell. */
    private static Status statusUnderTheRule(CellRecord r) {
        TrainingSettings t = r.cell().training();
        int n = t.trainSize() == 0 ? r.cell().dataset().knownTrainCount().orElseThrow() : t.trainSize();
        long itersPerEpoch = (n + t.batchSize() - 1) / t.batchSize();
        for (CurvePoint p : r.curve()) {
            if (p.trainLoss() != null && LossBound.check(p.trainLoss(), p.iteration(), itersPerEpoch,
                    r.cell().dataset().knownShape().orElseThrow().classes()) != null) {
                return Status.DIVERGED;
            }
        }
        return r.status();
    }

    @Test
    void everyReferenceCellKeepsItsStatus() throws Exception {
        List<Path> runs;
        try (Stream<Path> dirs = Files.list(REFERENCE)) {
            runs = dirs.filter(d -> Files.exists(RunStore.cellsFile(d))).sorted().toList();
        }
        assertTrue(runs.size() >= 7, "reference suites found: " + runs);
        int cells = 0;
        for (Path run : runs) {
            for (CellRecord r : RunStore.readCells(run)) {
                assertEquals(r.status(), statusUnderTheRule(r), run.getFileName() + " " + r.cell().label());
                cells++;
            }
        }
        assertTrue(cells >= 250, "cells checked: " + cells);
    }

    @Test
    void theBoundIsScaledByChanceLevelAndTighterAfterTheFirstEpoch() {
        double chance = Math.log(10);
        assertNull(LossBound.check(4.9 * chance, 10, 100, 10));
        assertTrue(LossBound.check(5.1 * chance, 10, 100, 10).startsWith("finite divergence at iteration 10"));
        assertNull(LossBound.check(1.9 * chance, 110, 100, 10));
        String after = LossBound.check(2.1 * chance, 110, 100, 10);
        assertTrue(after.contains("after the first epoch"), after);
    }

    @Test
    void aHugeLearningRateIsDivergedEvenWhenTheLossStaysFinite() {
        CellSpec cell = TestData.cell("XAVIER", Activation.TANH, false, 1e6, 1, TestData.training(Optimizer.SGD, 3));
        CellTrainer.Outcome o = new CellTrainer().run(cell, data);
        assertEquals(Status.DIVERGED, o.status(), o.reason());
        assertTrue(o.metrics().convergence().divergedAtIteration() != null);
    }

    /**
     * CONSTANT(1e30) under tanh saturates every unit (tanh' = 0), and every output unit computes the same sum
     * of ±1e30 terms. Whether the loss then blows up depends on the rounding of those sums: DL4J's stock
     * product rounds the ten columns differently (softmax of differences of ~1e24: loss 6.4, DIVERGED by
     * the loss bound); libnd4j's matmul rounds them alike (softmax uniform: loss ln 10). Either way the cell
     * must not pass for a trained one.
     */
    @ParameterizedTest
    @EnumSource(LayerPath.class)
    void aHugeConstantInitUnderTanhIsDivergedOrAtChance(LayerPath path) {
        CellSpec cell = TestData.cell("CONSTANT(1e30)", Activation.TANH, false, 1,
                TestData.training(Optimizer.SGD, 3));
        CellTrainer.Outcome o = new CellTrainer(null, path).run(cell, data);
        assertTrue(o.status() == Status.DIVERGED || (o.status() == Status.OK
                && o.metrics().accuracy().finalTest() <= 0.15), o.status() + " " + o.reason() + " " + o.metrics());
    }
}
