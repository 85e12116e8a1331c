package io.initbench.harness.result;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One evaluation after {@code iteration} updates ({@code samples} training examples), with the mean
 * training loss since the previous point (null at iteration 0 or when not finite). {@code trainSeconds}
 * counts time in {@code fit} only, so evaluation frequency does not distort it.
 *
 * <p>{@code validationAccuracy} is measured at every point when the cell has a validation split, else it
 * is null. {@code testAccuracy} is measured at every point when there is no validation split (records
 * written before validation existed all read this way) or with {@code testOnCurve}; otherwise only at the
 * last point, and null elsewhere.
 */
public record CurvePoint(long iteration, long samples, double trainSeconds, Double trainLoss,
                         Double testAccuracy, Double validationAccuracy) {

    public CurvePoint {
        if (testAccuracy == null && validationAccuracy == null) {
            throw new IllegalArgumentException("a curve point at iteration " + iteration
                    + " needs a validation or a test accuracy");
        }
    }

    /**
     * The accuracy decisions are taken on (convergence speed, best accuracy, tuning, the plotted curve):
     * validation when the cell has a validation split, the test split otherwise.
     */
    @JsonIgnore
    public double accuracy() {
        return validationAccuracy != null ? validationAccuracy : testAccuracy;
    }
}
