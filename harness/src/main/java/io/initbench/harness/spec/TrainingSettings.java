package io.initbench.harness.spec;

import io.initbench.datasets.Normalization;

/**
 * How every cell of a suite trains. Fixed across the grid, so cells differ only by their axes.
 *
 * @param evalEvery      iterations between evaluations on the test split; 0 = once per epoch. Accuracy is
 *                       also measured before the first step and after the last.
 * @param targetAccuracy test accuracy whose first crossing defines convergence speed
 * @param trainSize      class-balanced training subset size; 0 = the whole split
 * @param testSize       class-balanced test subset size; 0 = the whole split
 * @param maxCellSeconds wall-time budget of one cell's training; 0 = unlimited. A cell over budget ends
 *                       as TIMEOUT with what it measured so far.
 */
public record TrainingSettings(Optimizer optimizer, double learningRate, int batchSize, int epochs, int evalEvery,
                               double targetAccuracy, int trainSize, int testSize, Normalization normalization,
                               double maxCellSeconds) {

    public static final TrainingSettings DEFAULTS = new TrainingSettings(Optimizer.SGD, 0.1, 128, 1, 0, 0.9, 0, 0,
            Normalization.UNIT, 0);

    public TrainingSettings {
        if (optimizer == null) {
            throw new SuiteException("training.optimizer is missing; use one of SGD, NESTEROVS, ADAM");
        }
        if (normalization == null) {
            throw new SuiteException("training.normalization is missing; use UNIT or STANDARDIZE");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new SuiteException("training.learningRate must be a positive number, got " + learningRate);
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
        if (maxCellSeconds < 0 || !Double.isFinite(maxCellSeconds)) {
            throw new SuiteException("training.maxCellSeconds must be >= 0 (0 = unlimited), got " + maxCellSeconds);
        }
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new SuiteException("training." + name + " must be positive, got " + v);
        }
    }
}
