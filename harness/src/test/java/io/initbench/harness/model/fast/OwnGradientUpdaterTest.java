package io.initbench.harness.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The network's own gradient is recognised, though DL4J hands it over as a new reshape each time; a
 * gradient elsewhere in memory is not; and an update through either path changes the parameters exactly
 * as DL4J's own updater does.
 */
class OwnGradientUpdaterTest {
    private static MultiLayerNetwork net() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .updater(new Nesterovs(0.1, 0.9)).list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    private static void gradients(MultiLayerNetwork net) {
        Nd4j.getRandom().setSeed(4);
        net.setInput(Nd4j.rand(DataType.FLOAT, 8, 6));
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        net.setLabels(y);
        net.computeGradientAndScore();
    }

    @Test
    void theNetworksOwnGradientIsRecognisedThroughANewReshape() {
        MultiLayerNetwork net = net();
        OwnGradientUpdater.install(net);
        gradients(net);
        OwnGradientUpdater updater = (OwnGradientUpdater) net.getUpdater();
        INDArray given = net.gradient().gradient();
        assertNotSame(updater.getFlattenedGradientsView(), given, "DL4J hands over a new array object");
        assertTrue(OwnGradientUpdater.sameMemory(given, updater.getFlattenedGradientsView()));
        assertFalse(OwnGradientUpdater.sameMemory(given.dup(), updater.getFlattenedGradientsView()),
                "a copy is another gradient");
    }

    @Test
    void updatesAreDl4jsOwnOnBothPaths() {
        MultiLayerNetwork stock = net();
        MultiLayerNetwork own = net();
        OwnGradientUpdater.install(own);
        for (int step = 0; step < 3; step++) {
            gradients(stock);
            gradients(own);
            stock.getUpdater().update(stock, stock.gradient(), step, 0, 8, LayerWorkspaceMgr.noWorkspaces());
            own.getUpdater().update(own, own.gradient(), step, 0, 8, LayerWorkspaceMgr.noWorkspaces());
            assertEquals(stock.getFlattenedGradients(), own.getFlattenedGradients(), "update " + step);
            assertEquals(stock.getUpdater().getStateViewArray(), own.getUpdater().getStateViewArray());
            stock.params().subi(stock.getFlattenedGradients().reshape(stock.params().shape()));
            own.params().subi(own.getFlattenedGradients().reshape(own.params().shape()));
        }
        // a gradient held elsewhere (external) still takes DL4J's external path, with the same result
        gradients(stock);
        gradients(own);
        INDArray copy = own.getFlattenedGradients().dup();
        DefaultGradient external = new DefaultGradient(copy);
        stock.getUpdater().update(stock, stock.gradient(), 3, 0, 8, LayerWorkspaceMgr.noWorkspaces());
        own.getUpdater().update(own, external, 3, 0, 8, LayerWorkspaceMgr.noWorkspaces());
        assertEquals(stock.getFlattenedGradients(), copy, "external gradient updated in place");
    }
}
