package io.initbench.harness.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.initbench.datasets.Normalization;

/**
 * How every cell of a suite trains. Fixed across the grid, so cells differ only by their axes (the
 * learning rate is one of them: {@link CellSpec#learningRate()}).
 *
 * <p>Protocol: {@code validationSize} images are carved from the training split (seeded, class-stratified)
 * and every decision is taken on them: the learning curve, convergence speed (target reaching), best
 * accuracy and learning-rate tuning. The test split is evaluated once, after the last update, and on the
 * curve only with {@code testOnCurve}. With {@code validationSize} 0 there is no validation split and the
 * curve is measured on the test split (the protocol of records written before validation existed).
 *
 * @param evalEvery      iterations between evaluations of the curve; 0 = once per epoch. Accuracy is also
 *                       measured before the first step and after the last.
 * @param targetAccuracy curve accuracy (validation) whose first crossing defines convergence speed
 * @param trainSize      training subset size (after the validation split is carved out); 0 = all the rest
 * @param testSize       test subset size; 0 = the whole split
 * @param maxCellSeconds wall-time budget of one cell's training; 0 = unlimited. A cell over budget ends
 *                       as TIMEOUT with what it measured so far.
 * @param validationSize images of the training split held out for validation; 0 = none
 * @param dataSeed       seed of every subset (validation split, trainSize, testSize). A setting of the
 *                       suite, not of the cell: all cells see the same data, so cells that differ only by
 *                       initializer stay paired.
 * @param testOnCurve    also evaluate the test split at every point of the curve (costs one test pass per
 *                       point); the final test accuracy is measured either way
 * @param rateSchedule   how the rate moves over the cell's updates ({@link RateSchedule}); absent from
 *                       JSON when CONSTANT ({@link ConstantRate}), so absent reads as CONSTANT
 */
public record TrainingSettings(Optimizer optimizer, int batchSize, int epochs, int evalEvery,
                               double targetAccuracy, int trainSize, int testSize, Normalization normalization,
                               double maxCellSeconds, int validationSize, long dataSeed, boolean testOnCurve,
                               @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ConstantRate.class)
                               RateSchedule rateSchedule) {

    /** Validation images held out of the training split unless a suite says otherwise. */
    public static final int DEFAULT_VALIDATION_SIZE = 5000;
    /**
     * Iterations between curve evaluations unless a suite says otherwise: at batch 128 a point every
     * 6,400 samples, fine enough for samples-to-target to separate configurations on MNIST's 1–2 epochs.
     */
    public static final int DEFAULT_EVAL_EVERY = 50;

    public static final TrainingSettings DEFAULTS = new TrainingSettings(Optimizer.SGD, 128, 1,
            DEFAULT_EVAL_EVERY, 0.9, 0, 0, Normalization.UNIT, 0, DEFAULT_VALIDATION_SIZE, 1, false, RateSchedule.CONSTANT);

    public TrainingSettings {
        if (rateSchedule == null) {
            // absent: a suite or record that states no schedule, or one written before the setting existed
            rateSchedule = RateSchedule.CONSTANT;
        }
        if (optimizer == null) {
            throw new SuiteException("training.optimizer is missing; use one of SGD, NESTEROVS, ADAM");
        }
        if (normalization == null) {
            throw new SuiteException("training.normalization is missing; use UNIT or STANDARDIZE");
        }
        positive("batchSize", batchSize);
        positive("epochs", epochs);
        if (evalEvery < 0) {
            throw new SuiteException("training.evalEvery must be >= 0 (0 = once per epoch), got " + evalEvery);
        }
        if (!(targetAccuracy > 0 && targetAccuracy <= 1)) {
            throw new SuiteException("training.targetAccuracy must be in (0, 1], got " + targetAccuracy);
        }
        if (trainSize < 0 || testSize < 0) {
            throw new SuiteException("training.trainSize/testSize must be >= 0 (0 = whole split), got " + trainSize
                    + "/" + testSize);
        }
        if (validationSize < 0) {
            throw new SuiteException("training.validationSize must be >= 0 (0 = no validation split), got "
                    + validationSize);
        }
        if (maxCellSeconds < 0 || !Double.isFinite(maxCellSeconds)) {
            throw new SuiteException("training.maxCellSeconds must be >= 0 (0 = unlimited), got " + maxCellSeconds);
        }
    }

    /**
     * Leaves a constant rate out of the JSON of suites and records: absent reads as CONSTANT, so records and
     * runs written before the setting existed write back as they were read and keep their fingerprints.
     */
    public static final class ConstantRate {
        @Override
        public boolean equals(Object value) {
            return value == null || value == RateSchedule.CONSTANT;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Settings with a constant rate (the schedule most suites and tests use). */
    public TrainingSettings(Optimizer optimizer, int batchSize, int epochs, int evalEvery, double targetAccuracy,
                            int trainSize, int testSize, Normalization normalization, double maxCellSeconds,
                            int validationSize, long dataSeed, boolean testOnCurve) {
        this(optimizer, batchSize, epochs, evalEvery, targetAccuracy, trainSize, testSize, normalization,
                maxCellSeconds, validationSize, dataSeed, testOnCurve, RateSchedule.CONSTANT);
    }

    /** The number of updates a cell makes on {@code trainCount} training images. */
    public long updates(int trainCount) {
        int batch = Math.min(batchSize, trainCount);
        return (long) ((trainCount + batch - 1) / batch) * epochs;
    }

    /** These settings with another training budget: the tuning cells' when tuning searches on a shorter one. */
    public TrainingSettings withBudget(int otherEpochs, int otherTrainSize) {
        return new TrainingSettings(optimizer, batchSize, otherEpochs, evalEvery, targetAccuracy,
                otherTrainSize, testSize, normalization, maxCellSeconds, validationSize, dataSeed, testOnCurve,
                rateSchedule);
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new SuiteException("training." + name + " must be positive, got " + v);
        }
    }
}
