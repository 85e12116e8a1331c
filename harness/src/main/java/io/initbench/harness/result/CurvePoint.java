package io.initbench.harness.result;

/**
 * One evaluation: test accuracy after {@code iteration} updates ({@code samples} training examples),
 * with the mean training loss since the previous point (null at iteration 0 or when not finite).
 * {@code trainSeconds} counts time in {@code fit} only, so evaluation frequency does not distort it.
 */
public record CurvePoint(long iteration, long samples, double trainSeconds, Double trainLoss, double testAccuracy) {
}
