package io.initbench.benchmarks;

import io.initbench.datasets.DatasetId;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.Axes;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.TrainingSettings;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The networks the benchmarks train: the harness's own configurations, on random MNIST-shaped batches. */
final class Nets {
    static final int BATCH = 128;

    private Nets() {
    }

    /** "mlp" (784-256×4-10), "mlp-bn" (the same with BN), "cnn" (2 conv blocks + dense 64). */
    static CellSpec cell(String arch, String init) {
        boolean cnn = arch.equals("cnn");
        return new CellSpec(DatasetId.MNIST, cnn ? Architecture.CNN : Architecture.MLP, cnn ? 2 : 4, cnn ? 64 : 256,
                InitSpec.parse(init), Activation.RELU, arch.equals("mlp-bn"), new BiasSpec.Constant(0),
                Axes.DEFAULTS.learningRate().get(0), 1, TrainingSettings.DEFAULTS);
    }

    static MultiLayerNetwork network(CellSpec cell) {
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell));
        net.init();
        return net;
    }

    static INDArray features(int rows) {
        return Nd4j.rand(DataType.FLOAT, rows, 784);
    }

    static INDArray labels(int rows) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, 10);
        for (int i = 0; i < rows; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        return y;
    }
}
