package io.initbench.harness.result;

/**
 * A cell's headline numbers. Nullable fields are null when the quantity does not exist (target never
 * reached, cell never trained, no divergence), never a sentinel number.
 *
 * <p>"Curve accuracy" is the accuracy of {@link CurvePoint#accuracy()}: on the validation split when the
 * cell has one, on the test split otherwise (and in records written before validation existed).
 *
 * @param finalAccuracy   test accuracy after the last update (the test split's one use); null if the cell
 *                        diverged or never trained
 * @param bestAccuracy    best curve accuracy at any evaluation (before divergence, if any)
 * @param initialAccuracy curve accuracy before the first update
 * @param iterationsToTarget first evaluation whose curve accuracy reached the target (likewise samples and
 *                        seconds)
 * @param auc             area under curve accuracy vs training samples, divided by the samples trained: 1.0
 *                        would be perfect accuracy from the first example; higher = faster convergence
 * @param samplesPerSecond training throughput, fit time only
 * @param finalValidationAccuracy validation accuracy after the last update; null without a validation split
 */
public record Metrics(Double finalAccuracy, Double bestAccuracy, Double finalTrainLoss, Double initialAccuracy,
                      Long iterationsToTarget, Long samplesToTarget, Double secondsToTarget, Double auc,
                      Long divergedAtIteration, long iterations, long samples, double trainSeconds,
                      double evalSeconds, double wallSeconds, Double samplesPerSecond, long parameterCount,
                      Double finalValidationAccuracy) {

    /** Metrics of a cell that never trained. */
    public static Metrics none(double wallSeconds) {
        return new Metrics(null, null, null, null, null, null, null, null, null, 0, 0, 0, 0, wallSeconds, null, 0, null);
    }
}
