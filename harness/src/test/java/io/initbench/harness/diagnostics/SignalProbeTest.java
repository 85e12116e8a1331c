package io.initbench.harness.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.TestData;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.PreparedData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SignalProbeTest {

    /** Trains 6 steps; with {@code probe}, runs every measurement between the steps. */
    private static INDArray train(CellSpec cell, PreparedData data, boolean probe) {
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell));
        net.init();
        SignalProbe p = new SignalProbe(net, cell.activation());
        INDArray x0 = data.trainX().get(NDArrayIndex.interval(0, 32), NDArrayIndex.all());
        INDArray y0 = data.trainY().get(NDArrayIndex.interval(0, 32), NDArrayIndex.all());
        if (probe) {
            p.stepZero(x0, y0);
        }
        for (int s = 0; s < 6; s++) {
            INDArray x = data.trainX().get(NDArrayIndex.interval(32 * s, 32 * s + 32), NDArrayIndex.all());
            INDArray y = data.trainY().get(NDArrayIndex.interval(32 * s, 32 * s + 32), NDArrayIndex.all());
            net.fit(x, y);
            if (probe) {
                assertTrue(p.during(s + 1, x, y).layers().size() == 3);
            }
        }
        return net.params().dup();
    }

    @Test
    void measuringChangesNothing() {
        NativeThreads.configure(1);
        PreparedData data = TestData.prepared();
        for (boolean bn : new boolean[]{false, true}) {
            CellSpec cell = TestData.cell("XAVIER", Activation.TANH, bn, 3, TestData.training(Optimizer.NESTEROVS, 1));
            assertArrayEquals(train(cell, data, false).data().asFloat(), train(cell, data, true).data().asFloat(),
                    "BN " + bn + ": parameters differ bit for bit");
        }
    }
}
