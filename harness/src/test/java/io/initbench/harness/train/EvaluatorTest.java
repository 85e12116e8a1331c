package io.initbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class EvaluatorTest {

    private static MultiLayerNetwork net() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                .dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(7)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(9)).build());
        net.init();
        return net;
    }

    @Test
    void accuracyIsTheShareOfArgMaxHitsWhateverTheChunking() {
        MultiLayerNetwork net = net();
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2_345, 9).subi(0.5).muli(4);
        int[] predicted = net.output(x, false).argMax(1).toIntVector();
        int[] labels = new int[predicted.length];
        int expectedHits = 0;
        for (int i = 0; i < labels.length; i++) {
            // every third label agrees with the network's prediction
            labels[i] = i % 3 == 0 ? predicted[i] : (predicted[i] + 1 + i % 5) % 7;
            expectedHits += labels[i] == predicted[i] ? 1 : 0;
        }
        double expected = (double) expectedHits / labels.length;
        assertEquals(expected, new Evaluator(x, labels).accuracy(net), 1e-12);
        // a row-range view (as the validation split is) evaluates the same rows
        INDArray view = Nd4j.concat(0, Nd4j.zeros(DataType.FLOAT, 5, 9), x).get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(5, 5 + x.rows()),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertEquals(expected, new Evaluator(view, labels).accuracy(net), 1e-12);
    }

    @Test
    void chunksFollowTheActivationBudget() {
        MultiLayerNetwork net = net();
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 9);
        // 9 + 16 + 7 activation floats per example
        assertEquals(Math.min(Evaluator.MAX_CHUNK, Evaluator.ACTIVATION_BUDGET / 32), Evaluator.chunkSize(net, x));
        assertTrue(Evaluator.chunkSize(net, x) >= 1);
    }

    @Test
    void argMaxTakesTheFirstOfEqualScores() {
        assertEquals(1, Evaluator.argMax(new float[] {0.1f, 0.5f, 0.5f, 0.2f}, 0, 4));
        assertEquals(1, Evaluator.argMax(new float[] {9f, 0.1f, 0.3f, 0.2f}, 1, 3), "index within the row");
    }
}
