package io.initbench.harness.report;

/**
 * A fixed, non-linear colour scale for accuracy heatmaps: where on viridis (0 = dark, 1 = bright = good)
 * an accuracy goes, and back. Fixed, so a colour means the same in every report; non-linear, so that the
 * differences that matter between trained networks show: a linear 0–1 scale paints 0.94 and 0.97 the same
 * yellow, while their error rates, 6% and 3%, differ by a factor of two.
 */
public enum HeatScale {
    /** The error, 1 − accuracy, on a log scale from 100% (accuracy 0, dark) to 1% (0.99 and above, bright). */
    ERROR_LOG(0.01);

    private final double minError;

    HeatScale(double minError) {
        this.minError = minError;
    }

    /** Position of {@code accuracy} in [0, 1]; values beyond the ends are clamped. */
    public double position(double accuracy) {
        double error = Math.min(1, Math.max(minError, 1 - accuracy));
        return Math.log10(error) / Math.log10(minError);
    }

    /** The accuracy at position {@code t} in [0, 1] (for the colour bar's ticks). */
    public double valueAt(double t) {
        return 1 - Math.pow(10, t * Math.log10(minError));
    }

    /** What the colour bar says about the scale. */
    public String statement() {
        return "colour: error (1 − accuracy) on a log scale, fixed: 100% dark to " + Math.round(minError * 100)
                + "% bright; -Dreport.colorScale=fixed for linear 0 to 1";
    }
}
