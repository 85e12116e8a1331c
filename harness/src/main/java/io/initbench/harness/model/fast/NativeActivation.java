package io.initbench.harness.model.fast;

import java.util.Collection;
import java.util.Map;
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
        NativeActivationLayer layer = new NativeActivationLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> table = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
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
