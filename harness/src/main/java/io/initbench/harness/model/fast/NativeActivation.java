package io.initbench.harness.model.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stock {@link ActivationLayer} configuration whose layer applies the activation in one pass each way
 * (see {@link NativeActivationLayer}).
 */
public class NativeActivation extends ActivationLayer {

    /** For JSON deserialisation. */
    public NativeActivation() {
        super(new Builder());
    }

    private NativeActivation(Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        return NativeConfs.wire(new NativeActivationLayer(conf, networkDataType), this, conf, listeners,
                layerIndex, paramsView, initializeParams);
    }

    /** The stock builder, building the native variant. */
    public static class Builder extends ActivationLayer.Builder {
        @Override
        @SuppressWarnings("unchecked")
        public NativeActivation build() {
            return new NativeActivation(this);
        }
    }
}
