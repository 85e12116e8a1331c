package io.initbench.harness.diagnostics;

import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * How the gradient's scale changes through a network, read from its per-layer gradient RMS (first
 * weight layer to output layer): the least-squares slope of log10 RMS against layer position over the
 * hidden layers, turned into the factor between the fitted last-hidden-layer and first-layer values.
 * The output layer is left out of the slope: its gradient is (softmax − label) times the last hidden
 * activation, which puts it ×2–3 above the hidden layers even in a healthy depth-2 network (measured in
 * the smoke suite under Xavier and He), so including it would call every shallow network vanishing. A
 * network with a single hidden layer is fitted over all its layers. A fit rather than the two end
 * points, so that one odd layer (the first sees raw pixels) does not decide the verdict alone.
 *
 * <p>The slope alone cannot see a gradient that is tiny or huge in every layer (a deep ReLU net whose
 * signal halves per layer has flat but minute gradients; one whose signal doubles has flat but huge
 * ones), so the caption also names the absolute scale when every layer is below {@link #TINY} or some
 * layer above {@link #HUGE}. Both bounds are for a softmax cross-entropy loss, whose output gradient is
 * O(1): trained-from-init networks here sit between 1e-3 and 10.
 *
 * @param outputOverFirst fitted last-hidden-layer RMS ÷ fitted first-layer RMS: &gt; 1 the gradient
 *                        shrinks on its way back to the input, &lt; 1 it grows
 * @param first           measured RMS of the first weight layer
 * @param output          measured RMS of the output layer
 * @param largest         largest RMS over the layers
 * @param zeroLayers      layers whose gradient is exactly 0 (underflow)
 */
public record GradientTrend(Kind kind, double outputOverFirst, double first, double output, double largest,
                            int zeroLayers) {

    /** Within this factor either way the gradient counts as stable through depth. */
    public static final double HEALTHY_FACTOR = 2.0;
    /** Every layer's gradient RMS below this: too small to train at any usual learning rate. */
    public static final double TINY = 1e-4;
    /** Some layer's gradient RMS above this: an exploding scale. */
    public static final double HUGE = 1e2;

    /** ZERO: too few layers with a non-zero gradient to fit a slope, and some exactly 0. */
    public enum Kind { VANISHING, EXPLODING, HEALTHY, ZERO }

    /**
     * @param rms gradient RMS per weight layer, first layer first, output layer last; null entries
     *            (not measured or not finite) and zeros (underflow) are left out of the fit
     * @return null when fewer than two layers have a usable value and none is exactly 0
     */
    public static GradientTrend of(Double[] rms) {
        SimpleRegression fit = new SimpleRegression();
        int span = rms.length >= 3 ? rms.length - 1 : rms.length;
        int zeros = 0;
        double largest = 0;
        for (int k = 0; k < rms.length; k++) {
            if (rms[k] != null && rms[k] > 0 && Double.isFinite(rms[k])) {
                if (k < span) {
                    fit.addData(k, Math.log10(rms[k]));
                }
                largest = Math.max(largest, rms[k]);
            } else if (rms[k] != null && rms[k] == 0) {
                zeros++;
            }
        }
        if (zeros > 0 && fit.getN() < 2) {
            return new GradientTrend(Kind.ZERO, Double.NaN, rms[0] == null ? Double.NaN : rms[0],
                    rms[rms.length - 1] == null ? Double.NaN : rms[rms.length - 1], largest, zeros);
        }
        if (fit.getN() < 2 || rms[0] == null || rms[rms.length - 1] == null) {
            return null;
        }
        double factor = Math.pow(10, fit.getSlope() * (span - 1));
        Kind kind = factor >= HEALTHY_FACTOR ? Kind.VANISHING : factor <= 1 / HEALTHY_FACTOR ? Kind.EXPLODING
                : Kind.HEALTHY;
        return new GradientTrend(kind, factor, rms[0], rms[rms.length - 1], largest, zeros);
    }

    /** One sentence for a plot caption, e.g. "gradients shrink ×37 from the last hidden layer to ...". */
    public String words() {
        String ends = String.format(Locale.ROOT, " (RMS %.2g at the first layer, %.2g at the output layer)", first,
                output);
        if (zeroLayers > 0) {
            ends += "; exactly 0 in " + zeroLayers + " layer(s) (underflow)";
        }
        if (largest < TINY) {
            ends += "; below " + plain(TINY) + " in every layer: too small to train";
        } else if (largest > HUGE) {
            ends += "; above " + plain(HUGE) + " in some layer: exploding scale";
        }
        return switch (kind) {
            case VANISHING -> "gradients shrink ×" + factor(outputOverFirst)
                    + " from the last hidden layer to the first layer (vanishing)" + ends;
            case EXPLODING -> "gradients grow ×" + factor(1 / outputOverFirst)
                    + " from the last hidden layer to the first layer (exploding)" + ends;
            case ZERO -> "gradients are exactly 0 in " + zeroLayers + " layer(s): no learning signal";
            // even through depth says nothing about scale: the absolute judgement is ScaleJudgement's
            case HEALTHY -> "gradients stay within ×" + factor(HEALTHY_FACTOR)
                    + " from the last hidden layer to the first layer (even through depth)" + ends;
        };
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String factor(double f) {
        return f >= 100 ? String.format(Locale.ROOT, "%.1e", f)
                : new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", f)).stripTrailingZeros().toPlainString();
    }
}
