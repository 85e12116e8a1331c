package io.initbench.harness.model;

import io.initbench.datasets.DatasetShape;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.model.fast.NativeBatchNormalization;
import io.initbench.harness.model.fast.NativeConvolution;
import io.initbench.harness.model.fast.NativeActivation;
import io.initbench.harness.model.fast.NativeDense;
import io.initbench.harness.model.fast.NativeOutput;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.RateSchedule;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Builds the DL4J configuration of one cell. Pure: same spec and layer path, same configuration. Both
 * layer paths give the same parameter layout and initial parameters; they differ only in which layer
 * implementation runs them.
 */
public final class ModelFactory {
    public static final int CNN_BASE_CHANNELS = 32;

    private ModelFactory() {
    }

    /** A cell on a built-in dataset, whose shape is known without reading it, on the selected layer path. */
    public static MultiLayerConfiguration build(CellSpec cell) {
        return build(cell, LayerPath.selected());
    }

    /** A cell on a built-in dataset, on the given layer path. */
    public static MultiLayerConfiguration build(CellSpec cell, LayerPath path) {
        return build(cell, cell.dataset().knownShape().orElseThrow(() -> new IllegalArgumentException("dataset "
                + cell.dataset().key() + ": its shape is known only once it is read; pass the loaded data's shape")),
                path);
    }

    /** @param data the shape and class count of the data the network trains on */
    public static MultiLayerConfiguration build(CellSpec cell, DatasetShape data) {
        return build(cell, data, LayerPath.selected());
    }

    /**
     * @param data the shape and class count of the data the network trains on
     * @param path which layer implementations compute it ({@code -Dlayers})
     */
    public static MultiLayerConfiguration build(CellSpec cell, DatasetShape data, LayerPath path) {
        return build(cell, data, path, 0);
    }

    /**
     * @param data    the shape and class count of the data the network trains on
     * @param path    which layer implementations compute it ({@code -Dlayers})
     * @param updates the number of updates the cell will make, which a rate schedule spans; 0 where the
     *                network is built but never trained (audit, memory and FLOP counts): its updater then
     *                carries the starting rate
     */
    public static MultiLayerConfiguration build(CellSpec cell, DatasetShape data, LayerPath path, long updates) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(cell.seed())
                .dataType(DataType.FLOAT)
                .updater(updater(cell.training().optimizer(), cell.learningRate(),
                        schedule(cell.training().rateSchedule(), cell.learningRate(), updates)))
                .weightInit(Initializers.of(cell.weightInit()))
                .biasInit(cell.biasInit().constantPart())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        switch (cell.architecture()) {
            case MLP -> {
                for (int i = 0; i < cell.depth(); i++) {
                    dense(list, cell, cell.width(), path, i == 0);
                }
                list.setInputType(InputType.feedForward(data.featureSize()));
            }
            case CNN -> {
                for (int i = 0; i < cell.depth(); i++) {
                    conv(list, cell, CNN_BASE_CHANNELS << i, path);
                    list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                            .kernelSize(2, 2).stride(2, 2).convolutionMode(ConvolutionMode.Same).build());
                }
                dense(list, cell, cell.width(), path, false);
                // pixels are stored channel-major per image, which is what convolutionalFlat reshapes from
                list.setInputType(InputType.convolutionalFlat(data.height(), data.width(), data.channels()));
            }
        }
        list.layer((path == LayerPath.FAST ? new NativeOutput.Builder(LossFunctions.LossFunction.MCXENT)
                : new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT))
                .nOut(data.classes()).activation(Activation.SOFTMAX).build());
        return list.build();
    }

    /** @param first whether this is the network's first layer, whose input gradient training never uses */
    private static void dense(NeuralNetConfiguration.ListBuilder list, CellSpec cell, int units, LayerPath path,
                              boolean first) {
        DenseLayer.Builder dense = (path == LayerPath.FAST ? new NativeDense.Builder().inputGradient(!first)
                : new DenseLayer.Builder()).nOut(units);
        if (cell.batchNorm()) {
            list.layer(dense.activation(Activation.IDENTITY).hasBias(false).build());
            list.layer(batchNorm(path));
            list.layer(activation(cell, path));
        } else {
            list.layer(dense.activation(cell.activation()).build());
        }
    }

    private static void conv(NeuralNetConfiguration.ListBuilder list, CellSpec cell, int channels, LayerPath path) {
        ConvolutionLayer.Builder conv = (path == LayerPath.FAST ? new NativeConvolution.Builder(3, 3)
                : new ConvolutionLayer.Builder(3, 3)).nOut(channels).convolutionMode(ConvolutionMode.Same);
        if (cell.batchNorm()) {
            list.layer(conv.activation(Activation.IDENTITY).hasBias(false).build());
            list.layer(batchNorm(path));
            list.layer(activation(cell, path));
        } else {
            list.layer(conv.activation(cell.activation()).build());
        }
    }

    private static ActivationLayer activation(CellSpec cell, LayerPath path) {
        return (path == LayerPath.FAST ? new NativeActivation.Builder() : new ActivationLayer.Builder())
                .activation(cell.activation()).build();
    }

    private static BatchNormalization batchNorm(LayerPath path) {
        return (path == LayerPath.FAST ? new NativeBatchNormalization.Builder() : new BatchNormalization.Builder())
                .build();
    }

    /** @param schedule how the rate moves; null = {@code learningRate} at every update */
    static IUpdater updater(Optimizer optimizer, double learningRate, ISchedule schedule) {
        IUpdater updater = switch (optimizer) {
            case SGD -> new Sgd(learningRate);
            case NESTEROVS -> new Nesterovs(learningRate, 0.9);
            case ADAM -> new Adam(learningRate);
        };
        if (schedule != null) {
            // the state DL4J's schedule constructors leave: the schedule in place of a fixed rate (NaN)
            updater.setLrAndSchedule(Double.NaN, schedule);
        }
        return updater;
    }

    /**
     * The rate schedule as DL4J's updaters take it, null for a constant rate. DL4J hands the schedule the
     * network's 0-based update count ({@link LinearDecaySchedule}).
     */
    static ISchedule schedule(RateSchedule schedule, double start, long updates) {
        if (updates <= 0) {
            return null;
        }
        return switch (schedule) {
            case CONSTANT -> null;
            case LINEAR -> new LinearDecaySchedule(start, (int) Math.min(Integer.MAX_VALUE, updates));
        };
    }
}
