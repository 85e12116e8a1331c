package io.initbench.harness.model.fast;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's activation layer without its copies. The stock layer duplicates its input before applying the
 * activation in place (forward) and again before its derivative (backward): two passes each way where
 * one suffices. Here the activation writes straight into the output array and its derivative straight
 * into the gradient array ({@link ActivationOps}), or, for a ReLU on a training-sized batch, as loops over
 * Java copies; the input, which the layer before (a BatchNorm) may still hold, is never written.
 */
public class NativeActivationLayer extends ActivationLayer {

    public NativeActivationLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Above this many elements (a CNN's feature maps, evaluation batches) one native op beats two copies. */
    static final int HEAP_ELEMENTS = 1 << 18;

    private float[] in;
    private float[] buf;

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        IActivation afn = layerConf().getActivationFn();
        if (ActivationOps.isIdentity(afn)) {
            return mgr.leverageTo(ArrayType.ACTIVATIONS, input);
        }
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        if (heapRelu(afn, input)) {
            in = HeapCopy.read(input, in);
            int len = (int) input.length();
            buf = buf != null && buf.length >= len ? buf : new float[len];
            NativeDenseLayer.Loops.biasRelu(in, buf, null, len, len);
            HeapCopy.write(buf, out);
            return out;
        }
        return ActivationOps.forward(afn, input, out, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        IActivation afn = layerConf().getActivationFn();
        INDArray delta = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(), 'c');
        if (heapRelu(afn, input)) {
            in = HeapCopy.read(input, in);
            buf = HeapCopy.read(epsilon, buf);
            NativeDenseLayer.Loops.reluBackward(in, buf, (int) input.length());
            HeapCopy.write(buf, delta);
            return new Pair<>(new DefaultGradient(), delta);
        }
        ActivationOps.backward(afn, input, epsilon, delta);
        return new Pair<>(new DefaultGradient(), delta);
    }

    /** A plain ReLU on a small dense float array: loops over Java copies (see {@link NativeDenseLayer}). */
    private static boolean heapRelu(IActivation afn, INDArray x) {
        return ActivationOps.isPlainRelu(afn) && HeapCopy.dense(x) && x.length() <= HEAP_ELEMENTS;
    }
}
