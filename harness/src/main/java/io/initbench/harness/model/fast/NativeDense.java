package io.initbench.harness.model.fast;

import java.util.Collection;
import java.util.Map;
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

    /** For JSON deserialisation. */
    public NativeDense() {
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("NativeDense", getLayerName(), layerIndex, getNIn(), getNOut());
        NativeDenseLayer layer = new NativeDenseLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> table = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    /** The stock builder; {@link #build()} builds (and validates) the stock configuration, then carries it over. */
    public static class Builder extends DenseLayer.Builder {
        @Override
        @SuppressWarnings("unchecked")
        public NativeDense build() {
            return LayerConfCopy.into(super.build(), new NativeDense(), DenseLayer.class);
        }
    }
}
