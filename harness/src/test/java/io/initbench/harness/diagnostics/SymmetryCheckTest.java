package io.initbench.harness.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.harness.TestData;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.result.Diagnostics;
import io.initbench.harness.result.LayerSignal;
import io.initbench.harness.result.ResultJson;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.train.CellTrainer;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.PreparedData;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

class SymmetryCheckTest {
    private static PreparedData data;

    @BeforeAll
    static void setUp() {
        NativeThreads.configure(1);
        data = TestData.prepared();
    }

    @Test
    void floatDriftIsOneUnitAndNearEqualRandomBiasesAreNot() {
        Random rnd = new Random(3);
        // 64 copies of one unit, each perturbed by a few float32 ulps per element, with elements near zero
        double[] base = new double[101];
        for (int i = 0; i < base.length; i++) {
            base[i] = i % 10 == 0 ? 1e-9 * i : 0.01 + 0.001 * rnd.nextGaussian();
        }
        double[][] drift = new double[64][];
        for (int u = 0; u < 64; u++) {
            drift[u] = base.clone();
            for (int i = 0; i < base.length; i++) {
                drift[u][i] *= 1 + 4 * Math.ulp(1f) * rnd.nextGaussian();
                drift[u][i] += 1e-12 * rnd.nextGaussian();
            }
        }
        assertEquals(1, SymmetryCheck.distinctUnits(drift), "rounding drift is not a distinct unit");
        // zero weights with random biases N(0, 0.1²): 64 different units, some pairs ~1e-4 relative apart
        double[][] biases = new double[64][5];
        for (int u = 0; u < 64; u++) {
            biases[u][4] = 0.1 * rnd.nextGaussian();
        }
        biases[1][4] = biases[0][4] * (1 + 1e-4);
        assertEquals(64, SymmetryCheck.distinctUnits(biases), "near-equal random biases are distinct units");
        // the element-wise rule this replaces (1e-3 relative per element) merged that pair
        assertTrue(Math.abs(biases[1][4] - biases[0][4]) < 1e-3 * Math.abs(biases[1][4]));
    }

    @Test
    void distanceIsRelativeToTheUnitsNorms() {
        double tol = SymmetryCheck.DEFAULT_TOLERANCE;
        double[][] same = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}};
        assertEquals(1, SymmetryCheck.distinctUnits(same, tol));
        double[][] two = {{1, 2, 3}, {1, 2, 3 + 1e-6}, {1, 2.5, 3}};
        assertEquals(2, SymmetryCheck.distinctUnits(two, tol), "3e-7 relative apart is rounding noise");
        double[][] three = {{1, 2, 3}, {1, 2, 3 + 1e-3}, {1, 2.5, 3}};
        assertEquals(3, SymmetryCheck.distinctUnits(three, tol), "3e-4 relative apart is a different unit");
        double[][] oneHuge = {{1e9, 0}, {0.5, 0.25}, {0.5, 0.5}, {0.25, 0.5}};
        assertEquals(4, SymmetryCheck.distinctUnits(oneHuge, tol), "an exploded unit does not merge the others");
        double[][] zeros = {{0, 0}, {0, 0}};
        assertEquals(1, SymmetryCheck.distinctUnits(zeros, tol));
        double[][] tinyButDifferent = {{1e-9, 0}, {0, 1e-9}};
        assertEquals(2, SymmetryCheck.distinctUnits(tinyButDifferent, tol), "small units are compared by their own scale");
        assertEquals(Math.sqrt(2), SymmetryCheck.relativeDistance(new double[]{1, 0}, new double[]{0, 1}), 1e-12);
    }

    /** Unit u is column u of a dense W [nIn, nOut] and slice u of a conv W [nOut, nIn, kH, kW]. */
    @Test
    void unitsFollowDl4jWeightLayouts() {
        CellSpec cnn = new CellSpec(DatasetId.MNIST, Architecture.CNN, 1, 16, InitSpec.parse("XAVIER"), Activation.RELU,
                false, BiasSpec.parse("NORMAL(0,0.1)"), 0.1, 3, TestData.training(Optimizer.SGD, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cnn));
        net.init();
        INDArray conv = net.getLayer(0).getParam("W");
        INDArray convBias = net.getLayer(0).getParam("b");
        double[][] u = SymmetryCheck.units(conv, convBias);
        assertEquals(32, u.length);
        assertEquals(9 + 1, u[0].length, "1 input channel × 3×3, then the bias");
        double[][] slices = conv.reshape('c', 32, 9).toDoubleMatrix();
        for (int o = 0; o < 32; o++) {
            for (int k = 0; k < 9; k++) {
                assertEquals(slices[o][k], u[o][k], 0.0);
            }
            assertEquals(convBias.getDouble(0, o), u[o][9], 0.0);
        }
        int dense = 2; // conv, pool, dense
        INDArray w = net.getLayer(dense).getParam("W");
        double[][] d = SymmetryCheck.units(w, null);
        assertEquals(w.size(1), d.length);
        for (int j = 0; j < d.length; j++) {
            for (int i = 0; i < w.size(0); i += 97) {
                assertEquals(w.getDouble(i, j), d[j][i], 0.0);
            }
        }
    }

    private static Diagnostics train(String init, String bias, Activation act) {
        CellSpec cell = new CellSpec(DatasetId.MNIST, Architecture.MLP, 3, 32, InitSpec.parse(init), act, false,
                BiasSpec.parse(bias), 0.1, 5, TestData.training(Optimizer.SGD, 2));
        CellTrainer.Outcome o = new CellTrainer().run(cell, data);
        assertEquals(Status.OK, o.status(), o.reason() + "\n" + o.error());
        return o.diagnostics();
    }

    @Test
    void zeroAndConstantInitCollapseEveryLayerToOneUnit() {
        assertEquals(List.of(1, 1, 1), train("ZERO", "0", Activation.TANH).distinctUnits());
        assertEquals(List.of(1, 1, 1), train("CONSTANT(0.05)", "0", Activation.SIGMOID).distinctUnits());
        assertEquals(List.of(1, 1, 1), train("ZERO", "0.01", Activation.RELU).distinctUnits(),
                "a constant bias does not break symmetry");
    }

    @Test
    void randomInitAndRandomBiasesKeepOrRestoreFullWidth() {
        assertEquals(List.of(32, 32, 32), train("XAVIER", "0", Activation.TANH).distinctUnits());
        Diagnostics zeroRandomBias = train("ZERO", "NORMAL(0,0.1)", Activation.TANH);
        assertTrue(zeroRandomBias.minDistinctUnits() > 1, "random biases break the symmetry of zero weights: "
                + zeroRandomBias.distinctUnits());
        assertEquals(List.of(32, 32, 32), zeroRandomBias.layerWidths());
    }

    @Test
    void stepZeroShowsVanishingSaturationAndDeadUnits() {
        // sigmoid's derivative is at most 1/4 and small init shrinks the backward signal further
        Diagnostics sigmoid = train("NORMAL(0,0.01)", "0", Activation.SIGMOID);
        assertNotNull(sigmoid.gradientRatio());
        assertTrue(sigmoid.gradientRatio() < 1e-3, "first-layer gradient vanishes, ratio " + sigmoid.gradientRatio());
        // under tanh, N(0,0.01) shrinks the forward signal layer by layer (and both gradient ends alike)
        Diagnostics small = train("NORMAL(0,0.01)", "0", Activation.TANH);
        List<LayerSignal> s = small.stepZero();
        assertTrue(s.get(2).actStd() < 1e-3, "signal shrinks layer by layer: " + s);
        assertTrue(s.get(2).actStd() < s.get(1).actStd() / 5 && s.get(1).actStd() < s.get(0).actStd() / 5, s.toString());
        Diagnostics xavier = train("XAVIER", "0", Activation.TANH);
        assertTrue(xavier.gradientRatio() > 0.05 && xavier.gradientRatio() < 20, "xavier ratio " + xavier.gradientRatio());
        Diagnostics big = train("NORMAL(0,1)", "0", Activation.TANH);
        assertTrue(big.maxSaturatedFraction() > 0.5, "N(0,1) saturates tanh: " + big.maxSaturatedFraction());
        Diagnostics negativeBias = train("XAVIER", "-5", Activation.RELU);
        assertEquals(1.0, negativeBias.maxDeadFraction(), "bias -5 kills every ReLU on the batch");
        assertEquals(3, xavier.stepZero().size());
        assertEquals(xavier.during().size(), 1 + (19 * 2) / 5, "one gradient point per evaluation after step 0");
        assertEquals(4, xavier.during().get(0).gradientNorms().size(), "3 hidden + output");
        // absolute scale per weight layer at step 0 and at every evaluation
        assertEquals(4, xavier.stepZeroScale().size());
        for (var p : xavier.during()) {
            assertEquals(4, p.layers().size());
            assertTrue(p.layers().stream().allMatch(l -> l.gradientRms() != null && l.gradientRms() > 0), p.toString());
            assertNull(p.layers().get(3).saturatedFraction(), "the softmax layer has no saturation rule");
        }
        // the RMS is the norm over the square root of the weight count (784×32 for the first layer)
        assertEquals(xavier.stepZero().get(0).gradientNorm() / Math.sqrt(784 * 32),
                xavier.stepZeroScale().get(0).gradientRms(), 1e-6 * xavier.stepZeroScale().get(0).gradientRms());
        assertTrue(big.maxSaturatedFractionAtEnd() > 0.3, "saturation is measured during training too: "
                + big.maxSaturatedFractionAtEnd());
        assertEquals(1.0, negativeBias.during().get(negativeBias.during().size() - 1).layers().get(0).deadFraction(),
                "dead ReLUs stay dead: no gradient reaches them");
    }

    @Test
    void recordsWithoutTheNewFieldsStayReadable() throws Exception {
        String old = "{\"weightLayers\":[0,1],\"stepZero\":[],\"gradientRatio\":2.5,\"during\":[{\"iteration\":5,"
                + "\"gradientNorms\":[1.0,2.0],\"updateRatios\":[null,0.01]}],\"distinctUnits\":[32],"
                + "\"layerWidths\":[32],\"lsuv\":[]}";
        Diagnostics d = ResultJson.mapper().readValue(old, Diagnostics.class);
        assertEquals(List.of(), d.stepZeroScale());
        assertEquals(List.of(), d.during().get(0).layers());
        assertNull(d.maxSaturatedFractionAtEnd());
        assertEquals(d, ResultJson.mapper().readValue(ResultJson.mapper().writeValueAsString(d), Diagnostics.class));
    }
}
