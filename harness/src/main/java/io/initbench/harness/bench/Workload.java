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
 * The networks {@code bench} measures: the shapes the suites train most, each as one fixed cell with the
 * budget and evaluation schedule of the suite it comes from (relu-vs-tanh for the MNIST MLPs, cifar10-cnn
 * for the CNNs, glorot-2010 for the 5×1000 MLP), so the whole-run rate is the one that suite sees.
 */
public enum Workload {
    MLP("MLP 784-256×4-10, ReLU, He, batch 128; relu-vs-tanh's budget: 2 epochs of 55,000, validation (5,000)"
            + " every 50 updates", DatasetId.MNIST, Architecture.MLP, 4, 256, "RELU", Activation.RELU, false,
            Schedule.RELU_VS_TANH),
    MLP_BN("the MLP above + BatchNorm", DatasetId.MNIST, Architecture.MLP, 4, 256, "RELU", Activation.RELU, true,
            Schedule.RELU_VS_TANH),
    CNN("CNN 2×(3×3 conv, 2×2 pool), 32/64 channels, dense 256, ReLU, He, CIFAR-10, batch 128; cifar10-cnn's"
            + " budget: 2 epochs of 8,000, validation (2,000) every 25 updates", DatasetId.CIFAR10, Architecture.CNN,
            2, 256, "RELU", Activation.RELU, false, Schedule.CIFAR10_CNN),
    CNN_BN("the CNN above + BatchNorm", DatasetId.CIFAR10, Architecture.CNN, 2, 256, "RELU", Activation.RELU, true,
            Schedule.CIFAR10_CNN),
    GLOROT_MLP("MLP 784-1000×5-10, tanh, Xavier uniform, batch 32; glorot-2010's budget: 1 epoch of 12,000,"
            + " validation (2,000) every 100 updates", DatasetId.MNIST, Architecture.MLP, 5, 1000, "XAVIER_UNIFORM",
            Activation.TANH, false, Schedule.GLOROT_2010);

    /** A suite's budget and evaluation schedule (trainSize 0: the whole training split less validation). */
    record Schedule(int batchSize, int trainSize, int epochs, int evalEvery, int validationSize, int testSize) {
        static final Schedule RELU_VS_TANH = new Schedule(128, 0, 2, 50, 5_000, 0);
        static final Schedule CIFAR10_CNN = new Schedule(128, 8_000, 2, 25, 2_000, 2_000);
        static final Schedule GLOROT_2010 = new Schedule(32, 12_000, 1, 100, 2_000, 0);
    }

    private final String description;
    private final DatasetId dataset;
    private final Architecture architecture;
    private final int depth;
    private final int width;
    private final String init;
    private final Activation activation;
    private final boolean batchNorm;
    private final Schedule schedule;

    Workload(String description, DatasetId dataset, Architecture architecture, int depth, int width, String init,
             Activation activation, boolean batchNorm, Schedule schedule) {
        this.description = description;
        this.dataset = dataset;
        this.architecture = architecture;
        this.depth = depth;
        this.width = width;
        this.init = init;
        this.activation = activation;
        this.batchNorm = batchNorm;
        this.schedule = schedule;
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

    /**
     * The cell with its suite's schedule; {@code maxSamples} > 0 caps the training to one epoch of that many
     * images (quick runs; the whole-run rate then no longer matches the suite's).
     */
    public CellSpec cell(int maxSamples) {
        Schedule s = schedule;
        boolean capped = maxSamples > 0;
        TrainingSettings t = new TrainingSettings(Optimizer.SGD, s.batchSize(), capped ? 1 : s.epochs(),
                s.evalEvery(), 0.99, capped ? maxSamples : s.trainSize(), s.testSize(), Normalization.UNIT, 0,
                s.validationSize(), 1, false);
        return new CellSpec(dataset, architecture, depth, width, InitSpec.parse(init), activation, batchNorm,
                new BiasSpec.Constant(0), 0.01, 1, t);
    }

    /** Every workload's key, comma-separated: the default of {@code -Dbench.workloads}. */
    public static String allKeys() {
        return Arrays.stream(values()).map(Workload::key).collect(Collectors.joining(","));
    }

    /** The workload a {@code -Dbench.workloads} entry names. */
    public static Workload parse(String key) {
        for (Workload w : values()) {
            if (w.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("-Dbench.workloads: '" + key + "' is not a workload; use any of "
                + allKeys().replace(",", ", "));
    }
}
