package io.initbench.harness.result;

/**
 * A cell's headline numbers. Nullable fields are null when the quantity does not exist (target never
 * reached, cell never trained, no divergence), never a sentinel number.
 *
 * @param finalAccuracy   test accuracy after the last update; null if the cell diverged or never trained
 * @param bestAccuracy    best test accuracy at any evaluation (before divergence, if any)
 * @param auc             area under test accuracy vs training samples, divided by the samples trained: 1.0
 *                        would be perfect accuracy from the first example; higher = faster convergence
 * @param samplesPerSecond training throughput, fit time only
 */
public record Metrics(Double finalAccuracy, Double bestAccuracy, Double finalTrainLoss, Double initialAccuracy,
                      Long iterationsToTarget, Long samplesToTarget, Double secondsToTarget, Double auc,
                      Long divergedAtIteration, long iterations, long samples, double trainSeconds,
                      double evalSeconds, double wallSeconds, Double samplesPerSecond, long parameterCount) {

    /** Metrics of a cell that never trained. */
    public static Metrics none(double wallSeconds) {
        return new Metrics(null, null, null, null, null, null, null, null, null, 0, 0, 0, 0, wallSeconds, null, 0);
    }
}
