package io.initbench.harness.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.harness.TestData;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.result.GradientPoint;
import io.initbench.harness.result.LayerScale;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.PreparedData;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The absolute scale judgement on small MLPs and CNNs whose behaviour is known: they train for 25 SGD
 * steps on the learnable stand-in for MNIST ({@link TestData}), with the probe the harness uses.
 */
class ScaleJudgementTest {
    private static final int STEPS = 25;
    private static final int BATCH = 32;
    private static PreparedData data;

    @BeforeAll
    static void setUp() {
        NativeThreads.configure(1);
        data = TestData.prepared();
    }

    /** Trains a fresh net and judges it from what the harness records for a cell. */
    static ScaleJudgement judge(Architecture arch, int depth, int width, String init, Activation act, double lr) {
        CellSpec cell = new CellSpec(DatasetId.MNIST, arch, depth, width, InitSpec.parse(init), act, false,
                BiasSpec.parse("0"), lr, 1, TestData.training(Optimizer.SGD, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell));
        net.init();
        SignalProbe probe = new SignalProbe(net, act);
        INDArray px = data.trainX().get(NDArrayIndex.interval(0, 128), NDArrayIndex.all());
        INDArray py = data.trainY().get(NDArrayIndex.interval(0, 128), NDArrayIndex.all());
        List<LayerScale> s0 = probe.stepZero(px, py).scales();
        Double update = null;
        boolean diverged = false;
        int n = data.trainCount();
        for (int step = 0; step < STEPS && !diverged; step++) {
            int from = (step * BATCH) % (n - BATCH);
            net.fit(new DataSet(data.trainX().get(NDArrayIndex.interval(from, from + BATCH), NDArrayIndex.all()),
                    data.trainY().get(NDArrayIndex.interval(from, from + BATCH), NDArrayIndex.all())));
            diverged = !Double.isFinite(net.score()) || net.params().isNaN().any() || net.params().isInfinite().any();
            if (step == 9 && !diverged) {
                GradientPoint p = probe.during(step + 1, px, py);
                update = p.updateRatios().get(0);
            }
        }
        Double accuracy = null;
        if (!diverged) {
            INDArray out = net.output(data.testX());
            int[] pred = out.argMax(1).toIntVector();
            int right = 0;
            for (int i = 0; i < pred.length; i++) {
                right += pred[i] == data.testLabels()[i] ? 1 : 0;
            }
            accuracy = (double) right / pred.length;
        }
        boolean zero = s0.stream().anyMatch(l -> Double.valueOf(0.0).equals(l.gradientRms()));
        Double largest = s0.stream().map(LayerScale::gradientRms).filter(g -> g != null && g > 0)
                .mapToDouble(Double::doubleValue).max().stream().boxed().findFirst().orElse(null);
        List<LayerScale> hidden = s0.subList(0, s0.size() - 1);
        Double dead = hidden.stream().map(LayerScale::deadFraction).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().stream().boxed().findFirst().orElse(null);
        Double saturated = hidden.stream().map(LayerScale::saturatedFraction).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().stream().boxed().findFirst().orElse(null);
        ScaleJudgement j = ScaleJudgement.of(update, largest, zero, dead, saturated, accuracy, 0.1, diverged);
        return j;
    }

    @Test
    void rulesOnKnownNumbers() {
        // relu-vs-tanh's NORMAL(0,0.01) under ReLU: gradients even through depth but 4e-6 per step, at chance
        ScaleJudgement n = ScaleJudgement.of(4e-6, 3.9e-4, false, 0.07, null, 0.1135, 0.1, false);
        assertEquals(ScaleJudgement.Verdict.VANISHING, n.verdict());
        assertTrue(n.words().contains("at chance"), n.words());
        // a workable scale but at chance is never healthy
        assertEquals(ScaleJudgement.Verdict.NOT_LEARNING,
                ScaleJudgement.of(2e-3, 0.5, false, 0.1, null, 0.12, 0.1, false).verdict());
        assertEquals(ScaleJudgement.Verdict.HEALTHY, ScaleJudgement.of(2e-3, 0.5, false, 0.1, null, 0.95, 0.1, false)
                .verdict());
        assertEquals(ScaleJudgement.Verdict.DEAD, ScaleJudgement.of(2e-3, 0.5, false, 0.6, null, 0.95, 0.1, false)
                .verdict());
        assertEquals(ScaleJudgement.Verdict.SATURATED, ScaleJudgement.of(2e-3, 0.5, false, null, 0.7, 0.5, 0.1, false)
                .verdict());
        assertEquals(ScaleJudgement.Verdict.NO_SIGNAL, ScaleJudgement.of(null, 0.0, true, null, null, 0.11, 0.1, false)
                .verdict());
        assertEquals(ScaleJudgement.Verdict.EXPLODING, ScaleJudgement.of(0.3, 5.0, false, null, null, 0.5, 0.1, false)
                .verdict());
        assertEquals(ScaleJudgement.Verdict.EXPLODING, ScaleJudgement.of(null, null, false, null, null, null, 0.1, true)
                .verdict());
    }

    @Test
    void mlps() {
        assertEquals(ScaleJudgement.Verdict.HEALTHY, judge(Architecture.MLP, 4, 64, "RELU", Activation.RELU, 0.1).verdict());
        assertEquals(ScaleJudgement.Verdict.HEALTHY, judge(Architecture.MLP, 4, 64, "XAVIER", Activation.TANH, 0.1).verdict());
        assertEquals(ScaleJudgement.Verdict.VANISHING,
                judge(Architecture.MLP, 4, 64, "NORMAL(0,0.01)", Activation.RELU, 0.1).verdict());
        assertEquals(ScaleJudgement.Verdict.EXPLODING,
                judge(Architecture.MLP, 4, 64, "NORMAL(0,1)", Activation.RELU, 0.1).verdict());
    }

    @Test
    void cnns() {
        assertEquals(ScaleJudgement.Verdict.HEALTHY, judge(Architecture.CNN, 2, 64, "RELU", Activation.RELU, 0.1).verdict());
        assertEquals(ScaleJudgement.Verdict.HEALTHY, judge(Architecture.CNN, 2, 64, "XAVIER", Activation.RELU, 0.1).verdict());
        // N(0, 0.001): every downstream layer shrinks the first layer's gradient (N(0, 0.01) in a CNN this shallow
        // only learns slowly, update ≈ 4e-4 per step)
        assertEquals(ScaleJudgement.Verdict.VANISHING,
                judge(Architecture.CNN, 2, 64, "NORMAL(0,0.001)", Activation.RELU, 0.1).verdict());
        assertEquals(ScaleJudgement.Verdict.EXPLODING,
                judge(Architecture.CNN, 2, 64, "NORMAL(0,1)", Activation.RELU, 0.1).verdict());
    }
}
