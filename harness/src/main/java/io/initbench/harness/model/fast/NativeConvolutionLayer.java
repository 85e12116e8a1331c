package io.initbench.harness.model.fast;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's convolution layer with forward and backward on libnd4j's {@code conv2d}/{@code conv2d_bp}
 * (bias included), which reach oneDNN in the onednn builds; the activation stays DL4J's
 * {@code IActivation}, so every activation behaves as in the stock layer.
 *
 * <p>The stock layer recomputes the pre-activation in backprop. Here a training forward pass keeps
 * it (in the activations workspace, which outlives the backward pass of the same iteration) and
 * backprop reuses it when it belongs to the same input and workspace generation, and recomputes it
 * otherwise. The identity activation (the convolution before a BatchNorm) needs none.
 */
public class NativeConvolutionLayer extends ConvolutionLayer {
    /** conv2d's weight format 1: [outChannels, inChannels, kH, kW], DL4J's own layout. */
    private static final int WEIGHTS_OIHW = 1;
    private static final int DATA_NCHW = 0;

    private final KeptPass kept = new KeptPass();

    public NativeConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean nativePath() {
        return layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW && convolutionMode != ConvolutionMode.Causal
                && input != null && input.rank() == 4;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!nativePath()) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray z = convolve(training, workspaceMgr, ArrayType.ACTIVATIONS);
        IActivation afn = layerConf().getActivationFn();
        kept.forget();
        if (!training || afn instanceof ActivationIdentity) {
            return afn.getActivation(z, training);
        }
        kept.keep(input, z);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, z.dataType(), z.shape(), 'c');
        // one pass from z into out, where a copy and an in-place activation would make two
        return ActivationOps.forward(afn, z, out, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!nativePath()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        IActivation afn = layerConf().getActivationFn();
        INDArray delta;
        if (afn instanceof ActivationIdentity) {
            // its derivative needs no pre-activation (the layer before BatchNorm): nothing to recompute
            delta = epsilon;
        } else {
            INDArray z = kept.validFor(input);
            if (z == null) {
                z = convolve(true, workspaceMgr, ArrayType.BP_WORKING_MEM);
            }
            // the activation's backprop may overwrite z: it is ours and used only here
            delta = ActivationOps.backward(afn, z, epsilon, z);
        }
        kept.forget();

        INDArray epsNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(), input.shape(), 'c');
        INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d_bp").addIntegerArguments(intArgs());
        INDArray biasGrad = null;
        if (layerConf().hasBias()) {
            biasGrad = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr);
            op.addInputs(input, weights, bias.reshape(bias.length()), delta)
                    .addOutputs(epsNext, weightGrad, biasGrad.reshape(biasGrad.length()));
        } else {
            op.addInputs(input, weights, delta).addOutputs(epsNext, weightGrad);
        }
        Nd4j.exec(op.build());

        Gradient gradient = new DefaultGradient();
        if (biasGrad != null) {
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsNext));
    }

    private INDArray convolve(boolean training, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
        validateInputRank();
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        validateInputDepth(weights.size(1));
        int[] outSize = ConvolutionUtils.getOutputSize(input, layerConf().getKernelSize(), layerConf().getStride(),
                convolutionMode == ConvolutionMode.Same ? null : layerConf().getPadding(), convolutionMode,
                layerConf().getDilation(), CNN2DFormat.NCHW);
        INDArray z = workspaceMgr.createUninitialized(type, weights.dataType(),
                new long[] {input.size(0), weights.size(0), outSize[0], outSize[1]}, 'c');
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d").addIntegerArguments(intArgs());
        if (layerConf().hasBias()) {
            INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, workspaceMgr);
            op.addInputs(input.castTo(weights.dataType()), weights, bias.reshape(bias.length()));
        } else {
            op.addInputs(input.castTo(weights.dataType()), weights);
        }
        Nd4j.exec(op.addOutputs(z).build());
        return z;
    }

    /** kH, kW, sH, sW, pH, pW, dH, dW, same-mode, data format, weight format: conv2d's integer arguments. */
    private int[] intArgs() {
        int[] k = layerConf().getKernelSize();
        int[] s = layerConf().getStride();
        int[] d = layerConf().getDilation();
        boolean same = convolutionMode == ConvolutionMode.Same;
        // in same mode libnd4j derives the padding itself, top/left getting the smaller half as in DL4J
        int[] p = same ? new int[] {0, 0} : layerConf().getPadding();
        return new int[] {k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], same ? 1 : 0, DATA_NCHW, WEIGHTS_OIHW};
    }



    @Override
    public void clear() {
        super.clear();
        kept.forget();
    }
}
