package io.initbench.harness.bench;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.Normalization;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.TrainingSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nd4j.linalg.activations.Activation;

/**
 * The networks {@code bench} measures: the shapes the suites train most, each as one fixed cell. Training
 * uses the suites' evaluation schedule (a validation point every 50 updates on 5,000 held-out images, the
 * test split once at the end), so the whole-run rate is what a suite sees.
 */
public enum Workload {
    MLP("MLP 784-256×4-10, ReLU, He, batch 128", DatasetId.MNIST, Architecture.MLP, 4, 256, "RELU", Activation.RELU,
            false, 128),
    MLP_BN("MLP 784-256×4-10 + BatchNorm, ReLU, He, batch 128", DatasetId.MNIST, Architecture.MLP, 4, 256, "RELU",
            Activation.RELU, true, 128),
    CNN("CNN 2×(3×3 conv, 2×2 pool), 32/64 ch, dense 256, ReLU, He, CIFAR-10, batch 128", DatasetId.CIFAR10,
            Architecture.CNN, 2, 256, "RELU", Activation.RELU, false, 128),
    CNN_BN("CNN as above + BatchNorm", DatasetId.CIFAR10, Architecture.CNN, 2, 256, "RELU", Activation.RELU, true, 128),
    GLOROT_MLP("MLP 784-1000×5-10, tanh, Xavier uniform, batch 32 (glorot-2010)", DatasetId.MNIST, Architecture.MLP,
            5, 1000, "XAVIER_UNIFORM", Activation.TANH, false, 32);

    /** The suites' evaluation schedule. */
    public static final int EVAL_EVERY = 50;
    public static final int VALIDATION_SIZE = 5_000;
    public static final int TEST_SIZE = 10_000;

    private final String description;
    private final DatasetId dataset;
    private final Architecture architecture;
    private final int depth;
    private final int width;
    private final String init;
    private final Activation activation;
    private final boolean batchNorm;
    private final int batchSize;

    Workload(String description, DatasetId dataset, Architecture architecture, int depth, int width, String init,
             Activation activation, boolean batchNorm, int batchSize) {
        this.description = description;
        this.dataset = dataset;
        this.architecture = architecture;
        this.depth = depth;
        this.width = width;
        this.init = init;
        this.activation = activation;
        this.batchNorm = batchNorm;
        this.batchSize = batchSize;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    public DatasetId dataset() {
        return dataset;
    }

    /** The cell, training on the first {@code samples} images of the training split for one epoch. */
    public CellSpec cell(int samples) {
        TrainingSettings t = new TrainingSettings(Optimizer.SGD, 0.01, batchSize, 1, EVAL_EVERY, 0.99, samples,
                TEST_SIZE, Normalization.UNIT, 0, VALIDATION_SIZE, 1, false);
        return new CellSpec(dataset, architecture, depth, width, InitSpec.parse(init), activation, batchNorm,
                new BiasSpec.Constant(0), 1, t);
    }

    /** The workload a {@code -Dbench.workloads} entry names. */
    public static Workload parse(String key) {
        for (Workload w : values()) {
            if (w.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("-Dbench.workloads: '" + key + "' is not a workload; use any of "
                + Arrays.stream(values()).map(Workload::key).collect(Collectors.joining(", ")));
    }
}
