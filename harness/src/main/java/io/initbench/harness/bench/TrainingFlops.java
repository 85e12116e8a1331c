package io.initbench.harness.bench;

import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.CellSpec;
import java.util.OptionalDouble;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;

/**
 * Matrix-multiply FLOPs of one training example through an MLP: 2·nIn·nOut per dense layer forward,
 * twice that backward (gradients for the input and for the weights), so 6·Σ nIn·nOut. Elementwise
 * work (activations, BN, the updater) is left out: it is small next to the GEMMs and not what a GEMM
 * roofline measures. Not defined here for CNNs, nor for user data (its shape is known only once read).
 */
public final class TrainingFlops {
    private TrainingFlops() {
    }

    public static OptionalDouble perSample(CellSpec cell) {
        if (cell.architecture() != Architecture.MLP || cell.dataset().knownShape().isEmpty()) {
            return OptionalDouble.empty();
        }
        MultiLayerConfiguration conf = ModelFactory.build(cell);
        double macs = 0;
        for (var layerConf : conf.getConfs()) {
            if (layerConf.getLayer() instanceof FeedForwardLayer f
                    && (f instanceof DenseLayer || f instanceof BaseOutputLayer)) {
                macs += (double) f.getNIn() * f.getNOut();
            }
        }
        return OptionalDouble.of(6 * macs);
    }
}
