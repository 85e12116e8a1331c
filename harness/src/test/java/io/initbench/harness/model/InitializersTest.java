package io.initbench.harness.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.TestData;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Optimizer;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InitializersTest {

    private static INDArray draw(IWeightInit init, long[] shape, char order, long seed) {
        Nd4j.getRandom().setSeed(seed);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        INDArray view = Nd4j.createUninitialized(DataType.FLOAT, 1, n);
        INDArray w = init.init(0, 0, shape, order, view);
        assertArrayEquals(shape, w.shape(), "returned the parameter view reshaped");
        return w;
    }

    /** Units × fan-in, whatever DL4J's layout. */
    private static double[][] units(INDArray w) {
        return w.rank() == 2 ? w.transpose().toDoubleMatrix() : w.reshape('c', w.size(0), w.length() / w.size(0))
                .toDoubleMatrix();
    }

    @Test
    void sparseGivesExactlyKNonZeroIncomingWeightsPerUnit() {
        for (long[] shape : List.of(new long[] {784, 256}, new long[] {32, 16, 3, 3})) {
            char order = shape.length == 2 ? 'f' : 'c';
            double[][] u = units(draw(new WeightInitSparse(15, 1.0), shape, order, 1));
            double sum = 0;
            double sq = 0;
            int nz = 0;
            for (double[] row : u) {
                int k = 0;
                for (double v : row) {
                    if (v != 0) {
                        k++;
                        sum += v;
                        sq += v * v;
                    }
                }
                assertEquals(15, k, "non-zeros of one unit");
                nz += k;
            }
            double mean = sum / nz;
            double std = Math.sqrt(sq / nz - mean * mean);
            assertEquals(0, mean, 0.1, "non-zeros are N(0,1)");
            assertEquals(1, std, 0.07, "non-zeros are N(0,1)");
        }
        double[][] small = units(draw(new WeightInitSparse(15, 1.0), new long[] {10, 4}, 'f', 2));
        for (double[] row : small) {
            assertTrue(java.util.Arrays.stream(row).allMatch(v -> v != 0), "fan-in 10 < k: every weight drawn");
        }
    }

    @Test
    void orthogonalRowsOrColumnsAreOrthonormal() {
        Object[][] cases = {
            {new long[] {128, 128}, 'f', 1.0},
            {new long[] {300, 100}, 'f', 1.0},   // 100 units, fan-in 300: orthonormal rows
            {new long[] {50, 200}, 'f', 2.0},    // 200 units, fan-in 50: orthonormal columns, gain 2
            {new long[] {64, 32, 3, 3}, 'c', 1.0}};
        for (Object[] c : cases) {
            long[] shape = (long[]) c[0];
            double gain = (double) c[2];
            double[][] m = units(draw(new WeightInitOrthogonal(gain), shape, (char) c[1], 3));
            int rows = m.length;
            int cols = m[0].length;
            boolean byRows = rows <= cols;
            int k = byRows ? rows : cols;
            double worst = 0;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double dot = 0;
                    for (int i = 0; i < (byRows ? cols : rows); i++) {
                        dot += byRows ? m[a][i] * m[b][i] : m[i][a] * m[i][b];
                    }
                    worst = Math.max(worst, Math.abs(dot - (a == b ? gain * gain : 0)));
                }
            }
            assertTrue(worst < 1e-5, java.util.Arrays.toString(shape) + ": ‖WᵀW − g²I‖max = " + worst);
        }
    }

    @Test
    void drawsAreReproducibleFromTheSeed() {
        IWeightInit o = new WeightInitOrthogonal(1);
        assertEquals(draw(o, new long[] {20, 30}, 'f', 9), draw(o, new long[] {20, 30}, 'f', 9));
        IWeightInit s = new WeightInitSparse(5, 1);
        assertEquals(draw(s, new long[] {20, 30}, 'f', 9), draw(s, new long[] {20, 30}, 'f', 9));
    }

    @Test
    void customInitializersSurviveJsonAndRebuildIdentically() {
        for (String init : List.of("SPARSE(7,0.5)", "ORTHOGONAL(1.5)", "LSUV(0.05,5)")) {
            CellSpec cell = TestData.cell(init, Activation.TANH, false, 4, TestData.training(Optimizer.SGD, 1));
            MultiLayerConfiguration conf = ModelFactory.build(cell);
            MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
            assertEquals(conf, back, init);
            MultiLayerNetwork a = new MultiLayerNetwork(conf);
            a.init();
            MultiLayerNetwork b = new MultiLayerNetwork(back);
            b.init();
            assertEquals(a.params(), b.params(), init + ": same seed, same weights after a JSON round trip");
        }
    }

    @Test
    void lsuvBringsEveryLayersPreActivationVarianceToOne() {
        CellSpec cell = new CellSpec(io.initbench.datasets.DatasetId.MNIST, io.initbench.harness.spec.Architecture.MLP,
                5, 64, io.initbench.harness.spec.InitSpec.parse("LSUV"), Activation.RELU, false,
                new io.initbench.harness.spec.BiasSpec.Constant(0), 0.1, 1, TestData.training(Optimizer.SGD, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell));
        net.init();
        INDArray batch = TestData.prepared().trainX().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 128),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        double before = PostInit.preActivationVariance(net, 0, batch);
        assertTrue(Math.abs(before - 1) > 0.1, "orthogonal pre-init alone is not unit variance: " + before);
        List<PostInit.LsuvLayer> steps = PostInit.apply(cell, net, batch);
        assertEquals(6, steps.size(), "5 hidden + output");
        for (PostInit.LsuvLayer s : steps) {
            assertTrue(Math.abs(s.variance() - 1) < 0.1, "layer " + s.layer() + " variance " + s.variance());
            assertTrue(s.iterations() <= 10);
            assertEquals(s.variance(), PostInit.preActivationVariance(net, s.layer(), batch), 1e-6);
        }
    }
}
