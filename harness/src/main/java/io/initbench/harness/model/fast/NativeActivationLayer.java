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
 * into the gradient array ({@link ActivationOps}); the input, which the layer before (a BatchNorm) may
 * still hold, is never written.
 */
public class NativeActivationLayer extends ActivationLayer {

    public NativeActivationLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        IActivation afn = layerConf().getActivationFn();
        if (ActivationOps.isIdentity(afn)) {
            return mgr.leverageTo(ArrayType.ACTIVATIONS, input);
        }
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        return ActivationOps.forward(afn, input, out, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray delta = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(), 'c');
        ActivationOps.backward(layerConf().getActivationFn(), input, epsilon, delta);
        return new Pair<>(new DefaultGradient(), delta);
    }
}
