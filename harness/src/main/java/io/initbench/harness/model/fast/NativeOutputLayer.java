package io.initbench.harness.model.fast;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
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
    private final KeptPass kept = new KeptPass();

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
        INDArray valid = training ? kept.validFor(input) : null;
        if (valid != null) {
            return valid;
        }
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray z = product(training, workspaceMgr);
        if (training) {
            kept.keep(input, z);
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


    @Override
    public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        kept.forget();
        super.setInput(input, workspaceMgr);
    }

    @Override
    public void clear() {
        super.clear();
        kept.forget();
    }
}
