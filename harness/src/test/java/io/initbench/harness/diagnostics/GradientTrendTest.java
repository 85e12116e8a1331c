package io.initbench.harness.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.harness.TestData;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.result.LayerScale;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.PreparedData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Captions of the gradient-by-layer plot, on networks whose gradient behaviour is known. */
class GradientTrendTest {
    private static PreparedData data;

    @BeforeAll
    static void setUp() {
        NativeThreads.configure(1);
        data = TestData.prepared();
    }

    static Double[] stepZeroRms(String init, Activation act, int depth) {
        CellSpec cell = new CellSpec(DatasetId.MNIST, Architecture.MLP, depth, 64, InitSpec.parse(init), act, false,
                BiasSpec.parse("0"), 0.1, 1, TestData.training(Optimizer.SGD, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell));
        net.init();
        SignalProbe.StepZero z = new SignalProbe(net, act).stepZero(
                data.trainX().get(NDArrayIndex.interval(0, 128), NDArrayIndex.all()),
                data.trainY().get(NDArrayIndex.interval(0, 128), NDArrayIndex.all()));
        assertEquals(depth + 1, z.scales().size(), "every weight layer, output included");
        return z.scales().stream().map(LayerScale::gradientRms).toArray(Double[]::new);
    }

    @Test
    void captionsNameVanishingAndExplodingNetworks() {
        // Glorot & Bengio: sigmoid's derivative (≤ 1/4) with small weights shrinks the backward signal
        GradientTrend vanishing = GradientTrend.of(stepZeroRms("NORMAL(0,0.01)", Activation.SIGMOID, 10));
        assertEquals(GradientTrend.Kind.VANISHING, vanishing.kind());
        assertTrue(vanishing.words().startsWith("gradients shrink ×") && vanishing.words().contains("(vanishing)"),
                vanishing.words());
        assertTrue(vanishing.outputOverFirst() > 1e6, vanishing.words());
        // tanh with weights N(0, 0.5²) at width 64 (σ²·n = 16, the chaotic phase): activations stay bounded,
        // the backward signal grows layer by layer
        GradientTrend exploding = GradientTrend.of(stepZeroRms("NORMAL(0,0.5)", Activation.TANH, 10));
        assertEquals(GradientTrend.Kind.EXPLODING, exploding.kind());
        assertTrue(exploding.words().startsWith("gradients grow ×") && exploding.words().contains("(exploding)"),
                exploding.words());
        // He init under ReLU: stable through depth
        GradientTrend he = GradientTrend.of(stepZeroRms("RELU", Activation.RELU, 10));
        assertEquals(GradientTrend.Kind.HEALTHY, he.kind(), he.words());
        assertTrue(he.words().contains("stay within ×2") && he.words().contains("(even through depth)"), he.words());
        // ReLU with N(0, 0.5²): the forward signal explodes; the slope falls but the scale is huge
        GradientTrend huge = GradientTrend.of(stepZeroRms("NORMAL(0,0.5)", Activation.RELU, 10));
        assertTrue(huge.words().contains("exploding scale"), huge.words());
    }

    @Test
    void flatButTinyGradientsAreNamedByTheirScale() {
        GradientTrend t = GradientTrend.of(new Double[]{2e-6, 3e-6, 2.5e-6, 4e-6});
        assertEquals(GradientTrend.Kind.HEALTHY, t.kind());
        assertTrue(t.words().contains("(even through depth)") && t.words().contains("below 0.0001 in every layer: too small to train"),
                t.words());
        GradientTrend under = GradientTrend.of(new Double[]{1e-3, 1e-2, 0.0, 1e-1});
        assertTrue(under.words().contains("exactly 0 in 1 layer"), under.words());
        assertNull(GradientTrend.of(new Double[]{null, 1.0}), "no first-layer value: no caption");
        GradientTrend zero = GradientTrend.of(new Double[]{0.0, 0.0, 0.0});
        assertEquals(GradientTrend.Kind.ZERO, zero.kind());
        assertTrue(zero.words().contains("exactly 0 in 3 layer(s)"), zero.words());
        assertNotNull(GradientTrend.of(new Double[]{1.0, 1.0}));
    }

    @Test
    void saturationThresholdsFollowFromOneDerivativeBound() {
        assertTrue(Saturation.TANH.saturated(0.991) && !Saturation.TANH.saturated(0.989));
        assertTrue(Saturation.TANH.saturated(-0.995));
        assertTrue(Saturation.SIGMOID.saturated(0.005) && Saturation.SIGMOID.saturated(0.996)
                && !Saturation.SIGMOID.saturated(0.01) && !Saturation.SIGMOID.saturated(0.5));
        // softsign approaches ±1 slowly: 0.9 (x = 9) is saturated, the old 0.99 rule needed x = 99
        assertTrue(Saturation.SOFTSIGN.saturated(0.9) && !Saturation.SOFTSIGN.saturated(0.85));
        assertTrue(Saturation.HARDTANH.saturated(1.0) && !Saturation.HARDTANH.saturated(0.999));
        assertTrue(Saturation.of(Activation.RELU).isEmpty(), "ReLU: dead units, not saturation");
        for (Saturation s : Saturation.values()) {
            assertEquals(s, Saturation.of(s.activation()).orElseThrow());
        }
    }
}
