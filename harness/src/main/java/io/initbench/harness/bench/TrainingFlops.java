package io.initbench.harness.bench;

import io.initbench.datasets.DatasetShape;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.CellSpec;
import java.util.OptionalDouble;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Multiply-add FLOPs of one training example: per dense layer 2·nIn·nOut forward, per convolution
 * 2·kH·kW·nIn·nOut·outH·outW forward, and twice each backward (gradients for the input and for the
 * weights), so 6·Σ MACs. Elementwise work (activations, pooling, BN, the updater) is left out: it is
 * small next to the GEMM-shaped work and not what a GEMM roofline measures. The first layer's input
 * gradient is counted although training does not need it, as frameworks compute it anyway. Not defined
 * for user data, whose shape is known only once it is read.
 */
public final class TrainingFlops {
    private TrainingFlops() {
    }

    public static OptionalDouble perSample(CellSpec cell) {
        if (cell.dataset().knownShape().isEmpty()) {
            return OptionalDouble.empty();
        }
        DatasetShape shape = cell.dataset().knownShape().get();
        // the layer path changes how, not what, is computed
        MultiLayerConfiguration conf = ModelFactory.build(cell, shape, LayerPath.STOCK);
        InputType type = cell.architecture() == Architecture.CNN
                ? InputType.convolutionalFlat(shape.height(), shape.width(), shape.channels())
                : InputType.feedForward(shape.featureSize());
        double macs = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) {
                type = pre.getOutputType(type);
            }
            Layer layer = conf.getConf(i).getLayer();
            InputType out = layer.getOutputType(i, type);
            if (layer instanceof ConvolutionLayer c && out instanceof InputType.InputTypeConvolutional o) {
                macs += (double) c.getKernelSize()[0] * c.getKernelSize()[1] * c.getNIn() * c.getNOut()
                        * o.getHeight() * o.getWidth();
            } else if (layer instanceof DenseLayer || layer instanceof BaseOutputLayer) {
                FeedForwardLayer f = (FeedForwardLayer) layer;
                macs += (double) f.getNIn() * f.getNOut();
            }
            type = out;
        }
        return OptionalDouble.of(6 * macs);
    }
}
