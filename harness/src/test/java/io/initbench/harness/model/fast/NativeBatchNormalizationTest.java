package io.initbench.harness.model.fast;

import static io.initbench.harness.model.fast.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The native BatchNormalization computes what DL4J's stock one computes, running statistics included. */
class NativeBatchNormalizationTest {
    private static final double RTOL = 1e-4;

    /** conv or dense (identity, no bias) → BN → RELU → softmax output. */
    private static MultiLayerNetwork net(boolean fast, boolean conv) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(13)
                .dataType(DataType.FLOAT).updater(new Nesterovs(0.05, 0.9)).weightInit(WeightInit.RELU)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED).list();
        list.layer(conv ? new ConvolutionLayer.Builder(3, 3).nOut(6).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY).hasBias(false).build()
                : new DenseLayer.Builder().nOut(12).activation(Activation.IDENTITY).hasBias(false).build());
        list.layer((fast ? new NativeBatchNormalization.Builder() : new BatchNormalization.Builder()).build());
        list.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX)
                .build());
        MultiLayerConfiguration c = list.setInputType(conv ? InputType.convolutional(9, 9, 3)
                : InputType.feedForward(20)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(c);
        net.init();
        net.initGradientsView();
        return net;
    }

    private static long[] inputShape(boolean conv, int n) {
        return conv ? new long[] {n, 3, 9, 9} : new long[] {n, 20};
    }

    /** 130 dense rows: the row partial sums fold into double every 64 rows, twice and then a remainder. */
    @ParameterizedTest
    @CsvSource({"true, 6", "false, 8", "false, 130"})
    void layerForwardAndBackwardMatchStock(boolean conv, int rows) {
        MultiLayerNetwork stock = net(false, conv);
        MultiLayerNetwork fast = net(true, conv);
        assertEquals(stock.params(), fast.params());
        Nd4j.getRandom().setSeed(7);
        // BN's input: shifted and scaled so that mean and variance matter
        long[] shape = conv ? new long[] {rows, 6, 9, 9} : new long[] {rows, 12};
        INDArray x = Nd4j.randn(DataType.FLOAT, shape).muli(3).addi(1.5);
        INDArray a = stock.getLayer(1).activate(x.dup(), true, LayerWorkspaceMgr.noWorkspaces());
        INDArray b = fast.getLayer(1).activate(x.dup(), true, LayerWorkspaceMgr.noWorkspaces());
        assertClose(a, b, RTOL, "training forward");
        assertInstanceOf(NativeBatchNormalizationLayer.class, fast.getLayer(1));
        INDArray eps = Nd4j.randn(DataType.FLOAT, shape);
        Pair<Gradient, INDArray> gs = stock.getLayer(1).backpropGradient(eps.dup(), LayerWorkspaceMgr.noWorkspaces());
        Pair<Gradient, INDArray> gf = fast.getLayer(1).backpropGradient(eps.dup(), LayerWorkspaceMgr.noWorkspaces());
        assertClose(gs.getSecond(), gf.getSecond(), RTOL, "input gradient");
        assertEquals(gs.getFirst().gradientForVariable().keySet(), gf.getFirst().gradientForVariable().keySet());
        for (Map.Entry<String, INDArray> e : gs.getFirst().gradientForVariable().entrySet()) {
            assertClose(e.getValue(), gf.getFirst().getGradientFor(e.getKey()), RTOL, "gradient of " + e.getKey());
        }
        INDArray infS = stock.getLayer(1).activate(x.dup(), false, LayerWorkspaceMgr.noWorkspaces());
        INDArray infF = fast.getLayer(1).activate(x.dup(), false, LayerWorkspaceMgr.noWorkspaces());
        assertClose(infS, infF, RTOL, "inference forward (running statistics)");
    }

    /** Several Nesterov updates in a network with workspaces: parameters (running mean/variance too), outputs. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void trainingMatchesStock(boolean conv) {
        MultiLayerNetwork stock = net(false, conv);
        MultiLayerNetwork fast = net(true, conv);
        Nd4j.getRandom().setSeed(9);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 4);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, i % 4, 1.0);
        }
        for (int step = 0; step < 4; step++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, inputShape(conv, 16)).muli(2);
            Pair<Gradient, INDArray> gs = stock.calculateGradients(x, y, null, null);
            Pair<Gradient, INDArray> gf = fast.calculateGradients(x, y, null, null);
            assertClose(gs.getSecond(), gf.getSecond(), RTOL, "network input gradient, step " + step);
            stock.fit(x, y);
            fast.fit(x, y);
            assertClose(stock.params(), fast.params(), RTOL, "parameters after update " + step);
            assertClose(stock.output(x), fast.output(x), RTOL, "output after update " + step);
        }
    }

    @Test
    void configurationIsTheStockOneAndSurvivesJson() {
        BatchNormalization stock = new BatchNormalization.Builder().decay(0.8).eps(1e-3).build();
        NativeBatchNormalization.Builder b = new NativeBatchNormalization.Builder();
        b.decay(0.8).eps(1e-3);
        NativeBatchNormalization fast = b.build();
        assertEquals(stock.getDecay(), fast.getDecay());
        assertEquals(stock.getEps(), fast.getEps());
        assertEquals(stock.isUseLogStd(), fast.isUseLogStd());
        MultiLayerConfiguration conf = net(true, true).getLayerWiseConfigurations();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        assertNotNull(back.getConf(1).getLayer());
        assertEquals(NativeBatchNormalization.class, back.getConf(1).getLayer().getClass());
    }
}
