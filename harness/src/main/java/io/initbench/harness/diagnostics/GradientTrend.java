package io.initbench.harness.diagnostics;

import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * How the gradient's scale changes through a network, read from its per-layer gradient RMS (first
 * weight layer to output layer): the least-squares slope of log10 RMS against layer position, turned
 * into the factor between the fitted output-layer and first-layer values. A fit over all layers rather
 * than the two end points, so that one odd layer (the first layer sees raw pixels, the output layer
 * a softmax) does not decide the verdict alone.
 *
 * @param outputOverFirst fitted output-layer RMS ÷ fitted first-layer RMS: &gt; 1 the gradient shrinks
 *                        on its way back to the input, &lt; 1 it grows
 * @param first           measured RMS of the first weight layer
 * @param output          measured RMS of the output layer
 */
public record GradientTrend(Kind kind, double outputOverFirst, double first, double output) {

    /** Within this factor either way the gradient counts as stable through depth. */
    public static final double HEALTHY_FACTOR = 2.0;

    public enum Kind { VANISHING, EXPLODING, HEALTHY }

    /**
     * @param rms gradient RMS per weight layer, first layer first, output layer last; null entries
     *            (not measured or not finite) and zeros (underflow) are left out of the fit
     * @return null when fewer than two layers have a usable value
     */
    public static GradientTrend of(Double[] rms) {
        SimpleRegression fit = new SimpleRegression();
        for (int k = 0; k < rms.length; k++) {
            if (rms[k] != null && rms[k] > 0 && Double.isFinite(rms[k])) {
                fit.addData(k, Math.log10(rms[k]));
            }
        }
        if (fit.getN() < 2 || rms[0] == null || rms[rms.length - 1] == null) {
            return null;
        }
        double factor = Math.pow(10, fit.getSlope() * (rms.length - 1));
        Kind kind = factor >= HEALTHY_FACTOR ? Kind.VANISHING : factor <= 1 / HEALTHY_FACTOR ? Kind.EXPLODING
                : Kind.HEALTHY;
        return new GradientTrend(kind, factor, rms[0], rms[rms.length - 1]);
    }

    /** One sentence for a plot caption, e.g. "gradients shrink ×37 from the output layer to ...". */
    public String words() {
        String ends = String.format(Locale.ROOT, " (RMS %.2g at the first layer, %.2g at the output layer)", first,
                output);
        return switch (kind) {
            case VANISHING -> "gradients shrink ×" + factor(outputOverFirst)
                    + " from the output layer to the first layer (vanishing)" + ends;
            case EXPLODING -> "gradients grow ×" + factor(1 / outputOverFirst)
                    + " from the output layer to the first layer (exploding)" + ends;
            case HEALTHY -> "gradients stay within ×" + factor(HEALTHY_FACTOR)
                    + " from the output layer to the first layer (healthy)" + ends;
        };
    }

    private static String factor(double f) {
        return f >= 100 ? String.format(Locale.ROOT, "%.1e", f) : String.format(Locale.ROOT, "%.3g", f);
    }
}
