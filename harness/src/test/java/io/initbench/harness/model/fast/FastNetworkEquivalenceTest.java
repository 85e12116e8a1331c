package io.initbench.harness.model.fast;

import static io.initbench.harness.model.fast.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetShape;
import io.initbench.datasets.Normalization;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whole networks as {@link ModelFactory} builds them, fast layers against DL4J's stock ones: every
 * parameter's gradient, the gradient with respect to the network input (so every layer's input gradient,
 * the first layer's included), the parameters after several updates (BatchNorm's running statistics are
 * parameters) and the inference output, all with DL4J's workspaces on, for every activation the suites use
 * plus one (ELU) that takes the generic path.
 */
class FastNetworkEquivalenceTest {
    private static final double RTOL = 2e-4;
    private static final DatasetShape IMAGE = new DatasetShape(2, 8, 8, 5);

    static Stream<Arguments> cells() {
        List<Activation> activations = List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID,
                Activation.SOFTSIGN, Activation.IDENTITY, Activation.ELU);
        return Stream.of(Architecture.MLP, Architecture.CNN).flatMap(arch -> Stream.of(false, true)
                .flatMap(bn -> activations.stream().map(a -> Arguments.of(arch, a, bn))));
    }

    private static CellSpec cell(Architecture arch, Activation activation, boolean batchNorm) {
        TrainingSettings t = new TrainingSettings(Optimizer.NESTEROVS, 16, 1, 5, 0.9, 64, 32,
                Normalization.UNIT, 0, 0, 1, false);
        return new CellSpec(DatasetId.MNIST, arch, 2, 12, InitSpec.parse("XAVIER"), activation, batchNorm,
                new BiasSpec.Constant(0.01), 0.05, 3, t);
    }

    private static MultiLayerNetwork net(CellSpec cell, LayerPath path) {
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell, IMAGE, path));
        net.init();
        return path.prepare(net);
    }

    @ParameterizedTest(name = "{0} {1} batchNorm={2}")
    @MethodSource("cells")
    void fastNetworkComputesWhatTheStockOneDoes(Architecture arch, Activation activation, boolean batchNorm) {
        CellSpec cell = cell(arch, activation, batchNorm);
        MultiLayerNetwork stock = net(cell, LayerPath.STOCK);
        MultiLayerNetwork fast = net(cell, LayerPath.FAST);
        assertEquals(stock.params(), fast.params(), "same initial parameters");
        assertTrue(fast.getUpdater() instanceof OwnGradientUpdater, "the fast path's updater");
        for (Layer l : fast.getLayers()) {
            String name = l.getClass().getSimpleName();
            assertTrue(name.startsWith("Native") || name.equals("SubsamplingLayer"),
                    "every weight, BatchNorm, activation and output layer is a native one: " + name);
        }
        Nd4j.getRandom().setSeed(11);
        int n = 16;
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, IMAGE.classes());
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % IMAGE.classes(), 1.0);
        }
        for (int step = 0; step < 4; step++) {
            if (step > 0) {
                // each step from the same state, so that float noise does not compound across updates and the
                // tolerance can stay tight (BatchNorm's running statistics are parameters, momentum is updater state)
                fast.setParams(stock.params());
                fast.getUpdater().getStateViewArray().assign(stock.getUpdater().getStateViewArray());
            }
            INDArray x = Nd4j.rand(DataType.FLOAT, n, IMAGE.featureSize());
            Pair<Gradient, INDArray> gs = stock.calculateGradients(x, y, null, null);
            Pair<Gradient, INDArray> gf = fast.calculateGradients(x, y, null, null);
            Map<String, INDArray> expected = gs.getFirst().gradientForVariable();
            assertEquals(expected.keySet(), gf.getFirst().gradientForVariable().keySet());
            // a parameter whose gradient cancels to ~0 (a BatchNorm β under an identity activation) is
            // compared against the scale of the whole gradient, where float noise is measured
            double floor = expected.values().stream().mapToDouble(g -> g.amaxNumber().doubleValue()).max()
                    .orElse(1) * 1e-2;
            for (Map.Entry<String, INDArray> e : expected.entrySet()) {
                assertClose(e.getValue(), gf.getFirst().getGradientFor(e.getKey()), RTOL, floor,
                        "gradient of " + e.getKey() + ", step " + step);
            }
            if (arch == Architecture.MLP) {
                // the first dense layer skips the input gradient that training never uses
                assertNull(gf.getSecond(), "no network input gradient from a fast MLP");
            } else {
                assertClose(gs.getSecond(), gf.getSecond(), RTOL, "network input gradient, step " + step);
            }
            stock.fit(x, y);
            fast.fit(x, y);
            assertEquals(stock.score(), fast.score(), RTOL * Math.max(1, Math.abs(stock.score())),
                    "training loss, step " + step);
            assertClose(stock.params(), fast.params(), RTOL, "parameters after update " + step);
            assertClose(stock.output(x, false), fast.output(x, false), RTOL, "inference output after update " + step);
        }
        // batches above NativeDenseLayer.HEAP_ROWS take the native element-wise path: inference and a gradient
        fast.setParams(stock.params());
        int big = NativeDenseLayer.HEAP_ROWS + 76;
        INDArray xb = Nd4j.rand(DataType.FLOAT, big, IMAGE.featureSize());
        INDArray yb = Nd4j.zeros(DataType.FLOAT, big, IMAGE.classes());
        for (int i = 0; i < big; i++) {
            yb.putScalar(i, i % IMAGE.classes(), 1.0);
        }
        assertClose(stock.output(xb, false), fast.output(xb, false), RTOL, "inference output, " + big + " rows");
        if (arch == Architecture.CNN) {
            // a convolution's and a 4-D BatchNorm's gradients sum 1,100 × 64 terms that largely cancel, in an
            // order that depends on the thread count: float noise, not a property of the dense layer's path
            return;
        }
        Map<String, INDArray> gb = stock.calculateGradients(xb, yb, null, null).getFirst().gradientForVariable();
        Gradient fb = fast.calculateGradients(xb, yb, null, null).getFirst();
        double floor = gb.values().stream().mapToDouble(g -> g.amaxNumber().doubleValue()).max().orElse(1) * 1e-2;
        // sums over 1,100 examples in another order: float noise grows with them
        for (Map.Entry<String, INDArray> e : gb.entrySet()) {
            assertClose(e.getValue(), fb.getGradientFor(e.getKey()), 5 * RTOL, floor,
                    "gradient of " + e.getKey() + ", " + big + " rows");
        }
    }
}
