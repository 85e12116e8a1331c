package io.initbench.harness.model.fast;

import static io.initbench.harness.model.fast.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The native convolution computes what DL4J's stock convolution computes, forward and backward. */
class NativeConvolutionTest {
    private static final double RTOL = 1e-4;

    /** conv(3→5) → max-pool → conv(5→4) → softmax output; both convs native or both stock. */
    private static MultiLayerNetwork net(boolean fast, ConvolutionMode mode, int stride, Activation act,
                                         boolean bias, WorkspaceMode ws) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(11)
                .dataType(DataType.FLOAT).updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).biasInit(0.05)
                .trainingWorkspaceMode(ws).inferenceWorkspaceMode(ws).list();
        list.layer(conv(fast, 3).nOut(5).stride(stride, stride)
                .padding(mode == ConvolutionMode.Same ? 0 : 1, mode == ConvolutionMode.Same ? 0 : 1).convolutionMode(mode)
                .activation(act).hasBias(bias).build());
        list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Same).build());
        list.layer(conv(fast, 2).nOut(4).convolutionMode(mode).activation(act).hasBias(bias).build());
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX)
                .build());
        MultiLayerConfiguration conf = list.setInputType(InputType.convolutional(11, 11, 3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.initGradientsView();
        return net;
    }

    private static ConvolutionLayer.Builder conv(boolean fast, int k) {
        return fast ? new NativeConvolution.Builder(k, k) : new ConvolutionLayer.Builder(k, k);
    }

    private static INDArray labels(int n) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 3);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"Same,1,RELU,true", "Same,2,TANH,true", "Truncate,1,IDENTITY,false", "Truncate,2,RELU,false",
            "Same,1,SIGMOID,false"})
    void layerForwardAndBackwardMatchStock(ConvolutionMode mode, int stride, Activation act, boolean bias) {
        MultiLayerNetwork stock = net(false, mode, stride, act, bias, WorkspaceMode.NONE);
        MultiLayerNetwork fast = net(true, mode, stride, act, bias, WorkspaceMode.NONE);
        assertInstanceOf(NativeConvolutionLayer.class, fast.getLayer(0));
        assertEquals(stock.params(), fast.params(), "the initialisers draw the same parameters");
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 6, 3, 11, 11);
        for (boolean training : new boolean[] {false, true}) {
            INDArray a = stock.getLayer(0).activate(x.dup(), training, LayerWorkspaceMgr.noWorkspaces());
            INDArray b = fast.getLayer(0).activate(x.dup(), training, LayerWorkspaceMgr.noWorkspaces());
            assertClose(a, b, RTOL, "forward, training=" + training);
        }
        INDArray eps = Nd4j.randn(DataType.FLOAT, stock.getLayer(0).activate(x, true,
                LayerWorkspaceMgr.noWorkspaces()).shape());
        fast.getLayer(0).activate(x, true, LayerWorkspaceMgr.noWorkspaces());
        Pair<Gradient, INDArray> gs = stock.getLayer(0).backpropGradient(eps.dup(), LayerWorkspaceMgr.noWorkspaces());
        Pair<Gradient, INDArray> gf = fast.getLayer(0).backpropGradient(eps.dup(), LayerWorkspaceMgr.noWorkspaces());
        assertClose(gs.getSecond(), gf.getSecond(), RTOL, "input gradient");
        assertEquals(gs.getFirst().gradientForVariable().keySet(), gf.getFirst().gradientForVariable().keySet());
        for (Map.Entry<String, INDArray> e : gs.getFirst().gradientForVariable().entrySet()) {
            assertClose(e.getValue(), gf.getFirst().getGradientFor(e.getKey()), RTOL, "gradient of " + e.getKey());
        }
    }

    /** In a network with workspaces, over several updates: gradients, input gradients, parameters. */
    @ParameterizedTest
    @CsvSource({"RELU,true", "TANH,false", "IDENTITY,true"})
    void networkGradientsAndUpdatesMatchStock(Activation act, boolean bias) {
        MultiLayerNetwork stock = net(false, ConvolutionMode.Same, 1, act, bias, WorkspaceMode.ENABLED);
        MultiLayerNetwork fast = net(true, ConvolutionMode.Same, 1, act, bias, WorkspaceMode.ENABLED);
        Nd4j.getRandom().setSeed(5);
        INDArray y = labels(8);
        for (int step = 0; step < 3; step++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 8, 3, 11, 11);
            Pair<Gradient, INDArray> gs = stock.calculateGradients(x, y, null, null);
            Pair<Gradient, INDArray> gf = fast.calculateGradients(x, y, null, null);
            assertClose(gs.getSecond(), gf.getSecond(), RTOL, "network input gradient, step " + step);
            for (Map.Entry<String, INDArray> e : gs.getFirst().gradientForVariable().entrySet()) {
                assertClose(e.getValue(), gf.getFirst().getGradientFor(e.getKey()), RTOL,
                        "gradient of " + e.getKey() + ", step " + step);
            }
            stock.fit(x, y);
            fast.fit(x, y);
            assertClose(stock.params(), fast.params(), RTOL, "parameters after update " + step);
            assertClose(stock.output(x), fast.output(x), RTOL, "output after update " + step);
        }
        Layer l = fast.getLayer(2);
        assertInstanceOf(NativeConvolutionLayer.class, l);
    }

    @ParameterizedTest
    @CsvSource({"fast", "stock"})
    void configurationSurvivesJson(String path) {
        MultiLayerNetwork net = net(path.equals("fast"), ConvolutionMode.Same, 1, Activation.RELU, true,
                WorkspaceMode.ENABLED);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(net.getLayerWiseConfigurations(), back);
        assertEquals(net.getLayerWiseConfigurations().getConf(0).getLayer().getClass(),
                back.getConf(0).getLayer().getClass());
    }
}
