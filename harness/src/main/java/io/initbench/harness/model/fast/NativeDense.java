package io.initbench.harness.model.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stock {@link DenseLayer} configuration whose layer runs forward and backward in the fewest native
 * calls (see {@link NativeDenseLayer}). Everything but {@link #instantiate} is inherited, so
 * parameters, their initialisation and their JSON form are those of the stock layer.
 */
public class NativeDense extends DenseLayer {
    /**
     * Whether backprop computes the gradient with respect to the layer's input. A network's first layer
     * needs none for training ({@code MultiLayerNetwork.fit} discards it), and skipping it saves its
     * largest product; {@code calculateGradients} then returns no input gradient.
     */
    private boolean inputGradient = true;

    /** For JSON deserialisation. */
    public NativeDense() {
    }

    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof NativeDense other && other.inputGradient == inputGradient;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(inputGradient);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("NativeDense", getLayerName(), layerIndex, getNIn(), getNOut());
        return NativeConfs.wire(new NativeDenseLayer(conf, networkDataType), this, conf, listeners,
                layerIndex, paramsView, initializeParams);
    }

    /** The stock builder; {@link #build()} builds (and validates) the stock configuration, then carries it over. */
    public static class Builder extends DenseLayer.Builder {
        private boolean inputGradient = true;

        /** See {@link NativeDense#isInputGradient()}. */
        public Builder inputGradient(boolean wanted) {
            this.inputGradient = wanted;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public NativeDense build() {
            NativeDense built = NativeConfs.into(super.build(), new NativeDense(), DenseLayer.class);
            built.setInputGradient(inputGradient);
            return built;
        }
    }
}
