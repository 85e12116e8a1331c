package io.initbench.harness.model.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stock {@link BatchNormalization} configuration whose layer is {@link NativeBatchNormalizationLayer}:
 * DL4J's parameters, running statistics and serialisation, with the normalisation computed in a few
 * passes instead of DL4J's ~35 ND4J ops.
 */
public class NativeBatchNormalization extends BatchNormalization {

    /** For JSON deserialisation. */
    public NativeBatchNormalization() {
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNOutSet("NativeBatchNormalization", getLayerName(), layerIndex, getNOut());
        return NativeConfs.wire(new NativeBatchNormalizationLayer(conf, networkDataType), this, conf, listeners,
                layerIndex, paramsView, initializeParams);
    }

    /** The stock builder; {@link #build()} builds the stock configuration and carries it over field by field. */
    public static class Builder extends BatchNormalization.Builder {
        @Override
        @SuppressWarnings("unchecked")
        public NativeBatchNormalization build() {
            return NativeConfs.into(super.build(), new NativeBatchNormalization(), BatchNormalization.class);
        }
    }
}
