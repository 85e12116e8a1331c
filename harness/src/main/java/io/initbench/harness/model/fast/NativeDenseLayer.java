package io.initbench.harness.model.fast;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's dense layer in the fewest native calls. Forward: one matrix product into a row-major output
 * (libnd4j's {@code matmul}, which the onednn builds run on oneDNN), the bias added in place, then the
 * activation into a second array, so the pre-activation is kept.
 * Backward: the activation's derivative in place on that kept pre-activation (no second forward product,
 * which the stock layer recomputes), the bias gradient as one column sum, and two products straight into
 * the weight-gradient view and the input-gradient array. Stock DL4J instead multiplies into a
 * column-major temporary, copies it, adds the bias as a separate pass, and in backprop recomputes the
 * forward product.
 *
 * <p>Inputs the native path does not cover (not rank 2, not float, layer normalisation, masks) go
 * through the stock implementation.
 */
public class NativeDenseLayer extends DenseLayer {
    private INDArray keptInput;
    private INDArray keptPreOutput;
    private long keptGeneration;

    public NativeDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean nativePath() {
        return !hasLayerNorm() && maskArray == null && input != null && input.rank() == 2
                && input.dataType() == DataType.FLOAT && dataType == DataType.FLOAT;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!nativePath()) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        IActivation afn = layerConf().getActivationFn();
        keptInput = null;
        keptPreOutput = null;
        INDArray z = preOutputNative(training, workspaceMgr, ArrayType.ACTIVATIONS);
        if (ActivationOps.isIdentity(afn)) {
            return z;
        }
        if (!training) {
            return afn.getActivation(z, false);
        }
        keep(z);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, z.dataType(), z.shape(), 'c');
        return ActivationOps.forward(afn, z, out, true);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!nativePath()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        IActivation afn = layerConf().getActivationFn();
        INDArray delta;
        if (ActivationOps.isIdentity(afn)) {
            delta = epsilon;
        } else {
            INDArray z = keptFor(input) ? keptPreOutput
                    : preOutputNative(true, workspaceMgr, ArrayType.BP_WORKING_MEM);
            delta = ActivationOps.backward(afn, z, epsilon, z);
        }
        keptInput = null;
        keptPreOutput = null;

        Gradient ret = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGrad, 0);
            ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        // the weight gradient is a column-major [nIn, nOut] view: the row-major [nOut, nIn] delta^T · x
        Nd4j.gemm(delta, input, weightGrad.transpose(), true, false, 1.0, 0.0);
        ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);

        INDArray epsNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {delta.size(0), w.size(0)}, 'c');
        Nd4j.gemm(delta, w, epsNext, false, true, 1.0, 0.0);
        weightNoiseParams.clear();
        return new Pair<>(ret, backpropDropOutIfPresent(epsNext));
    }

    /** x·W + b into a new row-major array of the given kind. */
    private INDArray preOutputNative(boolean training, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        if (input.columns() != w.rows()) {
            // the stock path's validation gives DL4J's own message
            return super.preOutput(training, workspaceMgr);
        }
        INDArray z = workspaceMgr.createUninitialized(type, w.dataType(), new long[] {input.size(0), w.size(1)}, 'c');
        Nd4j.gemm(input, w, z, false, false, 1.0, 0.0);
        if (hasBias()) {
            z.addiRowVector(getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr));
        }
        return z;
    }

    private void keep(INDArray z) {
        keptInput = input;
        keptPreOutput = z;
        MemoryWorkspace ws = z.isAttached() ? z.data().getParentWorkspace() : null;
        keptGeneration = ws == null ? -1 : ws.getGenerationId();
    }

    private boolean keptFor(INDArray in) {
        if (keptPreOutput == null || keptInput != in) {
            return false;
        }
        if (!keptPreOutput.isAttached()) {
            return true;
        }
        MemoryWorkspace ws = keptPreOutput.data().getParentWorkspace();
        return ws != null && ws.isScopeActive() && ws.getGenerationId() == keptGeneration;
    }

    @Override
    public void clear() {
        super.clear();
        keptInput = null;
        keptPreOutput = null;
    }
}
