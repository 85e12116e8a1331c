package io.initbench.harness.spec;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.activations.Activation;

/**
 * One training run: a point of the grid plus the suite's training settings.
 *
 * @param learningRate the value of the {@code learningRate} axis (with tuning, one rate of the tuning grid)
 */
public record CellSpec(DatasetRef dataset, Architecture architecture, int depth, int width, InitSpec weightInit,
                       Activation activation, boolean batchNorm, BiasSpec biasInit, double learningRate, long seed,
                       TrainingSettings training) {

    public CellSpec {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new SuiteException("learningRate must be a positive number, got " + learningRate);
        }
        if (dataset.userData() && training.trainSize() == 0) {
            // the sample budget (convergence censoring, evaluation grid, report axes) is part of the
            // spec, and a user dataset's size is known only once it is read
            throw new SuiteException("dataset " + dataset.key() + ": set the training subset size (trainSize in the"
                    + " suite, or -Dtrain.size=N) for your own data; 0 (= the whole split) works only for built-in"
                    + " datasets, whose size is known in advance");
        }
    }

    /** A cell on a built-in dataset. */
    public CellSpec(DatasetId dataset, Architecture architecture, int depth, int width, InitSpec weightInit,
                    Activation activation, boolean batchNorm, BiasSpec biasInit, double learningRate, long seed,
                    TrainingSettings training) {
        this(DatasetRef.of(dataset), architecture, depth, width, weightInit, activation, batchNorm, biasInit,
                learningRate, seed, training);
    }

    /**
     * Everything that determines the cell's numbers, in a fixed order with fixed spellings. The id is a
     * hash of this, so it is stable across runs, machines, suite files and axis orderings, and changes
     * whenever anything that affects the result does. The suite's name is deliberately not part of it:
     * the same cell in two suites is the same experiment.
     */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        for (Parameter parameter : Parameter.ALL) {
            if (parameter.hashed().test(this)) {
                p.put(parameter.key(), parameter.label(this));
            }
        }
        return p;
    }

    /** 12 hex digits of SHA-256 over {@link #parameters()}. */
    public String id() {
        return hash("initbench-cell-v1", parameters());
    }

    /**
     * The id of the configuration: every parameter but the seed. Cells with the same configuration id
     * are repetitions of one experiment and are summarised together.
     */
    public String configId() {
        Map<String, String> p = parameters();
        p.remove("seed");
        return hash("initbench-config-v1", p);
    }

    /**
     * The id of what tuning chooses a rate for: every parameter but the seed, the learning rate and the
     * training budget (tuning may search on a shorter budget than the final cells train on). A tuned suite
     * is sharded by this id, so that one shard holds a configuration's tuning and final cells.
     */
    public String tuningId() {
        Map<String, String> p = parameters();
        p.remove("seed");
        p.remove("learningRate");
        p.remove("epochs");
        p.remove("trainSize");
        return hash("initbench-tuning-v1", p);
    }

    /**
     * A cell being assembled one axis at a time by {@link Grid}: each axis's {@link Parameter.Sweep} puts its
     * value in, then {@link #build()} validates the whole through the record's constructor.
     */
    public static final class Draft {
        private final TrainingSettings training;
        DatasetRef dataset;
        Architecture architecture;
        Integer depth;
        Integer width;
        InitSpec weightInit;
        Activation activation;
        Boolean batchNorm;
        BiasSpec biasInit;
        Double learningRate;
        Long seed;

        /** A draft whose training settings are {@code training}. */
        public Draft(TrainingSettings training) {
            this.training = training;
        }

        /** The cell; an IllegalStateException when an axis's sweep left its field empty. */
        public CellSpec build() {
            List<Object> values = Arrays.asList(dataset, architecture, depth, width, weightInit, activation, batchNorm,
                    biasInit, learningRate, seed);
            if (values.contains(null)) {
                throw new IllegalStateException("a Parameter.Sweep put no value into the cell: " + values);
            }
            return new CellSpec(dataset, architecture, depth, width, weightInit, activation, batchNorm, biasInit,
                    learningRate, seed, training);
        }
    }

    /** This cell with other training settings (an override's, or the tuning budget). */
    public CellSpec withTraining(TrainingSettings other) {
        return new CellSpec(dataset, architecture, depth, width, weightInit, activation, batchNorm, biasInit,
                learningRate, seed, other);
    }

    /** This cell at another rate with other training settings: a rate an override fixes. */
    public CellSpec withRate(double rate, TrainingSettings other) {
        return new CellSpec(dataset, architecture, depth, width, weightInit, activation, batchNorm, biasInit,
                rate, seed, other);
    }

    /** This cell with another seed. */
    public CellSpec withSeed(long otherSeed) {
        return new CellSpec(dataset, architecture, depth, width, weightInit, activation, batchNorm, biasInit,
                learningRate, otherSeed, training);
    }

    /**
     * Training samples the cell is given: epochs × the training subset (or the training split less the
     * validation images).
     */
    public long sampleBudget() {
        // user data always has a trainSize (see the constructor); loading fails if it has fewer images
        int n = dataset.knownTrainCount()
                .map(c -> c - training.validationSize())
                .map(c -> training.trainSize() > 0 ? Math.min(training.trainSize(), c) : c)
                .orElse(training.trainSize());
        return (long) training.epochs() * n;
    }

    private static String hash(String domain, Map<String, String> parameters) {
        StringBuilder canonical = new StringBuilder(domain);
        parameters.forEach((k, v) -> canonical.append('\n').append(k).append('=').append(v));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Short human label for logs: the axes that usually vary. */
    public String label() {
        return configLabel() + " seed " + seed;
    }

    /** {@link #label()} without the seed: names the configuration the seeds of one group share. */
    public String configLabel() {
        return dataset.key() + " " + architecture.name().toLowerCase() + depth + "x" + width + " " + weightInit.label()
                + " " + activation.name() + (batchNorm ? " +BN" : "") + (biasInit.equals(new BiasSpec.Constant(0.0)) ? "" : " bias " + biasInit.label());
    }
}
