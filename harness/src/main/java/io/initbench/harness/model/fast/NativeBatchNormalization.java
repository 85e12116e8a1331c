package io.initbench.harness.model.fast;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stock {@link BatchNormalization} configuration whose layer normalises with libnd4j's
 * {@code batchnorm}/{@code batchnorm_bp} ops instead of DL4J's ~20 element-wise Java-side ops.
 *
 * <p>DL4J M2.1 already has the native path: its layer hands forward and backward to a
 * {@code BatchNormalizationHelper} when one is set, and {@link MKLDNNBatchNormHelper} is a helper
 * built on exactly these ops (they run on any CPU build; the onednn builds route them to oneDNN).
 * What keeps it off is the helper lookup: disabled unless
 * {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}, and even then it probes a native class
 * that M2.1 renamed, so it never succeeds. This configuration sets that helper on the layer it
 * instantiates; the layer itself, including its running-mean/variance bookkeeping and its fallback
 * to the Java path for inputs the helper declines (non-float, non-default strides), stays DL4J's.
 */
public class NativeBatchNormalization extends BatchNormalization {
    private static final Field HELPER = helperField();

    /** For JSON deserialisation. */
    public NativeBatchNormalization() {
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        Layer layer = super.instantiate(conf, listeners, layerIndex, paramsView, initializeParams, networkDataType);
        try {
            HELPER.set(layer, new MKLDNNBatchNormHelper(networkDataType));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set DL4J's native BatchNormalization helper", e);
        }
        return layer;
    }

    private static Field helperField() {
        try {
            Field f = org.deeplearning4j.nn.layers.normalization.BatchNormalization.class.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this DL4J version's BatchNormalization has no 'helper' field; run with"
                    + " -Dlayers=stock", e);
        }
    }

    /** The stock builder; {@link #build()} builds the stock configuration and carries it over field by field. */
    public static class Builder extends BatchNormalization.Builder {
        @Override
        @SuppressWarnings("unchecked")
        public NativeBatchNormalization build() {
            BatchNormalization stock = super.build();
            NativeBatchNormalization copy = new NativeBatchNormalization();
            // the stock constructor from a builder is private: copy what it set, every level of the hierarchy
            for (Class<?> c = BatchNormalization.class; c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        try {
                            f.setAccessible(true);
                            f.set(copy, f.get(stock));
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException("cannot copy " + f + " of a BatchNormalization", e);
                        }
                    }
                }
            }
            return copy;
        }
    }
}
