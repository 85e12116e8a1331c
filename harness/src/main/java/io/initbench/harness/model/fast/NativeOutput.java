package io.initbench.harness.model.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A stock {@link OutputLayer} configuration whose layer computes its pre-activation once per training
 * step (see {@link NativeOutputLayer}).
 */
public class NativeOutput extends OutputLayer {

    /** For JSON deserialisation. */
    public NativeOutput() {
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("NativeOutput", getLayerName(), layerIndex, getNIn(), getNOut());
        return NativeConfs.wire(new NativeOutputLayer(conf, networkDataType), this, conf, listeners,
                layerIndex, paramsView, initializeParams);
    }

    /** The stock builder; {@link #build()} builds (and validates) the stock configuration, then carries it over. */
    public static class Builder extends OutputLayer.Builder {
        public Builder(LossFunctions.LossFunction loss) {
            super(loss);
        }

        @Override
        @SuppressWarnings("unchecked")
        public NativeOutput build() {
            return NativeConfs.into(super.build(), new NativeOutput(), OutputLayer.class);
        }
    }
}
