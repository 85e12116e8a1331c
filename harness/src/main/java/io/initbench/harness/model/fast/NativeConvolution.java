package io.initbench.harness.model.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stock {@link ConvolutionLayer} configuration whose layer runs libnd4j's {@code conv2d} and
 * {@code conv2d_bp}. Everything but {@link #instantiate} is inherited, so parameters, their
 * initialisation and their JSON form are those of the stock layer.
 */
public class NativeConvolution extends ConvolutionLayer {

    /** For JSON deserialisation. */
    public NativeConvolution() {
    }

    private NativeConvolution(Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("NativeConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        return NativeConfs.wire(new NativeConvolutionLayer(conf, networkDataType), this, conf, listeners,
                layerIndex, paramsView, initializeParams);
    }

    /** The stock builder; {@link #build()} validates as the stock one does, then makes the native variant. */
    public static class Builder extends ConvolutionLayer.Builder {
        public Builder(int... kernelSize) {
            super(kernelSize);
        }

        @Override
        @SuppressWarnings("unchecked")
        public NativeConvolution build() {
            super.build();
            return new NativeConvolution(this);
        }
    }
}
