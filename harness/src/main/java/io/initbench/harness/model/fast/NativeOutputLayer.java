package io.initbench.harness.model.fast;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's output layer with its pre-activation computed once per training step. A stock training step
 * computes x·W + b twice (for the gradient, then again for the score), each as a column-major product,
 * a copy and a bias pass; here it is one row-major product plus the bias, kept while the same input and
 * workspace generation last. That is safe because DL4J's loss functions copy the pre-activation before
 * applying the output activation to it. Inference and the forward pass ({@code activate}, which applies
 * the activation in place) compute afresh.
 */
public class NativeOutputLayer extends OutputLayer {
    private INDArray keptInput;
    private INDArray keptPreOutput;
    private long keptGeneration;

    public NativeOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean nativePath() {
        return !hasLayerNorm() && maskArray == null && input != null && input.rank() == 2
                && input.dataType() == DataType.FLOAT && dataType == DataType.FLOAT
                && input.columns() == getParam(DefaultParamInitializer.WEIGHT_KEY).rows();
    }

    @Override
    public INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!nativePath()) {
            return super.preOutput(training, workspaceMgr);
        }
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        return product(training, workspaceMgr);
    }

    @Override
    protected INDArray preOutput2d(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!nativePath()) {
            return super.preOutput2d(training, workspaceMgr);
        }
        if (training && keptFor(input)) {
            return keptPreOutput;
        }
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray z = product(training, workspaceMgr);
        if (training) {
            keptInput = input;
            keptPreOutput = z;
            MemoryWorkspace ws = z.isAttached() ? z.data().getParentWorkspace() : null;
            keptGeneration = ws == null ? -1 : ws.getGenerationId();
        }
        return z;
    }

    private INDArray product(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(),
                new long[] {input.size(0), w.size(1)}, 'c');
        Nd4j.gemm(input, w, z, false, false, 1.0, 0.0);
        if (hasBias()) {
            z.addiRowVector(getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr));
        }
        return z;
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
    public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        keptInput = null;
        keptPreOutput = null;
        super.setInput(input, workspaceMgr);
    }

    @Override
    public void clear() {
        super.clear();
        keptInput = null;
        keptPreOutput = null;
    }
}
