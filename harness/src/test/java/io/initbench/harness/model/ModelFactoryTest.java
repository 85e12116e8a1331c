package io.initbench.harness.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.Normalization;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.Axes;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.RateSchedule;
import io.initbench.harness.spec.SuiteException;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.spec.TrainingSettings;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelFactoryTest {

    private static List<Layer> layers(MultiLayerConfiguration conf) {
        return conf.getConfs().stream().map(c -> c.getLayer()).toList();
    }

    private static Class<?> fn(Activation a) {
        return a.getActivationFunction().getClass();
    }

    /** Every cell of a grid gets its own init on every weight layer, its activation and its BN layout. */
    @Test
    void everyLayerCarriesTheCellsInitActivationAndBatchNorm() {
        Axes axes = new Axes(List.of(DatasetRef.of(DatasetId.MNIST)), List.of(Architecture.MLP), List.of(3), List.of(16),
                List.of(InitSpec.parse("XAVIER"), InitSpec.parse("NORMAL(0,0.01)"), InitSpec.parse("RELU_UNIFORM")),
                List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID), List.of(false, true),
                List.of(BiasSpec.parse("0"), BiasSpec.parse("0.01")), List.of(0.1),
                List.of(7L));
        List<CellSpec> cells = Grid.cells(new SuiteSpec("t", "", axes, TrainingSettings.DEFAULTS));
        assertEquals(36, cells.size());
        for (CellSpec cell : cells) {
            MultiLayerConfiguration conf = ModelFactory.build(cell);
            List<Layer> layers = layers(conf);
            assertEquals(cell.batchNorm() ? 3 * 3 + 1 : 3 + 1, layers.size(), cell.label());
            int dense = 0;
            int bn = 0;
            int act = 0;
            for (Layer l : layers) {
                if (l instanceof BaseLayer b && !(l instanceof BatchNormalization)) {
                    assertEquals(Initializers.of(cell.weightInit()), b.getWeightInitFn(), cell.label() + " " + l);
                    assertEquals(cell.biasInit().constantPart(), b.getBiasInit(), cell.label());
                }
                if (l instanceof DenseLayer d && !(l instanceof OutputLayer)) {
                    dense++;
                    assertEquals(16, d.getNOut());
                    if (cell.batchNorm()) {
                        assertInstanceOf(fn(Activation.IDENTITY), d.getActivationFn());
                        assertFalse(d.hasBias(), "BN's beta replaces the dense bias");
                    } else {
                        assertInstanceOf(fn(cell.activation()), d.getActivationFn());
                        assertTrue(d.hasBias());
                    }
                } else if (l instanceof BatchNormalization) {
                    bn++;
                } else if (l instanceof ActivationLayer a) {
                    act++;
                    assertInstanceOf(fn(cell.activation()), a.getActivationFn());
                }
            }
            assertEquals(3, dense);
            assertEquals(cell.batchNorm() ? 3 : 0, bn);
            assertEquals(cell.batchNorm() ? 3 : 0, act);
            OutputLayer out = (OutputLayer) layers.get(layers.size() - 1);
            assertEquals(10, out.getNOut());
            assertInstanceOf(fn(Activation.SOFTMAX), out.getActivationFn());
            assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()), "configuration survives JSON");
        }
    }

    @Test
    void cnnBuildsAndRunsOnBothDatasets() {
        for (DatasetId ds : DatasetId.values()) {
            CellSpec cell = new CellSpec(ds, Architecture.CNN, 2, 64, InitSpec.parse("RELU"), Activation.RELU, true, BiasSpec.parse("0"),
                    0.1, 1, TrainingSettings.DEFAULTS);
            MultiLayerConfiguration conf = ModelFactory.build(cell);
            List<Layer> layers = layers(conf);
            List<ConvolutionLayer> convs = layers.stream().filter(l -> l instanceof ConvolutionLayer)
                    .map(l -> (ConvolutionLayer) l).toList();
            assertEquals(List.of(32L, 64L), convs.stream().map(ConvolutionLayer::getNOut).toList());
            assertEquals(3, layers.stream().filter(l -> l instanceof BatchNormalization).count(), "2 conv + 1 dense");
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            long[] shape = net.output(Nd4j.rand(DataType.FLOAT, 2, ds.featureSize())).shape();
            assertArrayEquals(new long[] {2, 10}, shape, ds.key());
        }
    }

    @Test
    void userDataTakesItsShapeFromTheLoadedData() {
        DatasetRef folder = DatasetRef.parse("folder:shapes?size=10x12&channels=3");
        TrainingSettings training = new TrainingSettings(Optimizer.SGD, 16, 1, 0, 0.9, 60, 0, Normalization.UNIT, 0,
                0, 1, false);
        assertThrows(SuiteException.class, () -> new CellSpec(folder, Architecture.CNN, 1, 16, InitSpec.parse("XAVIER"),
                Activation.RELU, false, BiasSpec.parse("0"), 0.1, 1, TrainingSettings.DEFAULTS), "user data needs a trainSize");
        CellSpec cell = new CellSpec(folder, Architecture.CNN, 1, 16, InitSpec.parse("XAVIER"), Activation.RELU, false,
                BiasSpec.parse("0"), 0.1, 1, training);
        assertThrows(IllegalArgumentException.class, () -> ModelFactory.build(cell), "no shape without the data");
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell,
                new io.initbench.datasets.DatasetShape(3, 10, 12, 4)));
        net.init();
        assertArrayEquals(new long[] {2, 4}, net.output(Nd4j.rand(DataType.FLOAT, 2, 3 * 10 * 12)).shape());
    }

    @Test
    void aLinearScheduleDecaysTheRateToZeroOverTheCellsUpdates() {
        TrainingSettings linear = new TrainingSettings(Optimizer.SGD, 8, 1, 0, 0.9, 0, 0, Normalization.UNIT, 0,
                0, 1, false, RateSchedule.LINEAR);
        CellSpec cell = new CellSpec(DatasetRef.parse("mnist"), Architecture.MLP, 1, 16, InitSpec.parse("XAVIER"),
                Activation.TANH, false, BiasSpec.parse("0"), 0.3, 1, linear);
        long updates = 10;
        MultiLayerConfiguration conf = ModelFactory.build(cell, cell.dataset().knownShape().orElseThrow(),
                LayerPath.selected(), updates);
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()), "a saved model keeps its schedule");
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 10);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 10, 1);
        }
        for (int i = 0; i < 6; i++) {
            // the rate the updater applies next is the one DL4J reports at the network's update count
            assertEquals(RateSchedule.LINEAR.rate(0.3, i, updates), net.getLearningRate(0), 1e-12, "update " + i);
            net.fit(x, y);
        }
        assertEquals(0.3 * 0.4, net.getLearningRate(net.getnLayers() - 1), 1e-12, "every layer follows it");
        assertEquals(0.0, RateSchedule.LINEAR.rate(0.3, updates, updates), 0.0, "0 at the end of the budget");

        CellSpec constantCell = new CellSpec(cell.dataset(), Architecture.MLP, 1, 16, InitSpec.parse("XAVIER"),
                Activation.TANH, false, BiasSpec.parse("0"), 0.3, 1, new TrainingSettings(Optimizer.SGD, 8, 1, 0,
                0.9, 0, 0, Normalization.UNIT, 0, 0, 1, false));
        MultiLayerNetwork constant = new MultiLayerNetwork(ModelFactory.build(constantCell,
                cell.dataset().knownShape().orElseThrow(), LayerPath.selected(), updates));
        constant.init();
        constant.fit(x, y);
        constant.fit(x, y);
        assertEquals(0.3, constant.getLearningRate(0), 0.0);
        MultiLayerNetwork untrained = new MultiLayerNetwork(ModelFactory.build(cell));
        untrained.init();
        assertEquals(0.3, untrained.getLearningRate(0), 0.0, "a network built without a budget keeps the start rate");
    }
}
