package io.initbench.harness.diagnostics;

import java.util.Locale;

/**
 * Whether a configuration's gradients are of a scale that trains, judged on absolute quantities rather
 * than ratios between layers (a net whose gradient is 1e-5 in every layer has perfectly even ratios, and a
 * conv net's first layer legitimately sees a larger gradient than its output layer):
 *
 * <ol>
 *   <li>the first weight layer's <b>update relative to its weights</b>, ‖ΔW‖/‖W‖ per step, early in
 *       training: the gradient against the weights' own scale, times the rate. Plain SGD that trains sits
 *       near 1e-3; below {@link #VANISHING_UPDATE} the first layer needs more than 10,000 steps to move by
 *       its own size (it is frozen for any budget here); above {@link #EXPLODING_UPDATE} every step moves
 *       it by more than a tenth of itself;</li>
 *   <li>the absolute step-0 gradient RMS ({@link GradientTrend#HUGE}, exactly 0);</li>
 *   <li>the <b>dead</b> (ReLU units that output 0 for every example) and <b>saturated</b> shares of the
 *       hidden layers at step 0, at or above {@link #DEAD_OR_SATURATED};</li>
 *   <li>the <b>learning outcome</b>: final test accuracy within {@link #CHANCE_MARGIN} of chance
 *       (1 / classes). A configuration at chance is never called healthy, whatever its gradients.</li>
 * </ol>
 *
 * The thresholds are checked by tests on small MLPs and CNNs that are known to vanish, explode or train.
 *
 * @param verdict          the first rule that applies, in the order of {@link Verdict}
 * @param firstUpdateRatio first weight layer's ‖ΔW‖/‖W‖ per step early in training; null when not measured
 * @param largestGradient  largest step-0 gradient RMS over the weight layers; null when not measured
 * @param zeroGradient     some layer's step-0 gradient is exactly 0 and too few are not to fit a trend
 * @param maxDead          largest dead share of a hidden layer at step 0; null when not measured
 * @param maxSaturated     largest saturated share of a hidden layer at step 0; null when not measured
 * @param accuracy         mean final test accuracy over the OK seeds; null when none ended OK
 * @param chance           the accuracy of guessing: 1 / classes
 * @param diverged         whether every trained seed diverged
 */
public record ScaleJudgement(Verdict verdict, Double firstUpdateRatio, Double largestGradient, boolean zeroGradient,
                             Double maxDead, Double maxSaturated, Double accuracy, double chance, boolean diverged) {

    /** Below this per-step ‖ΔW‖/‖W‖ the first layer is frozen: 10,000 steps to move by its own size. */
    public static final double VANISHING_UPDATE = 1e-4;
    /** Above this per-step ‖ΔW‖/‖W‖ each step rewrites a tenth of the layer. */
    public static final double EXPLODING_UPDATE = 1e-1;
    /** A hidden layer with this share of dead or saturated units has lost at least half its units. */
    public static final double DEAD_OR_SATURATED = 0.5;
    /** Final accuracy within this of chance counts as not having learned. */
    public static final double CHANCE_MARGIN = 0.05;

    /** What limits the configuration, most basic first. */
    public enum Verdict {
        /** the gradient is exactly 0 (no learning signal at all) */
        NO_SIGNAL,
        /** gradients too large: a diverged run, a huge gradient, or steps that rewrite the weights */
        EXPLODING,
        /** gradients too small against the weights: the first layer barely moves */
        VANISHING,
        /** at least half the units of some hidden layer are dead (ReLU) */
        DEAD,
        /** at least half the units of some hidden layer are saturated */
        SATURATED,
        /** gradients of a workable scale, but the net ended at chance */
        NOT_LEARNING,
        /** gradients of a workable scale and a net that learned */
        HEALTHY
    }

    public static ScaleJudgement of(Double firstUpdateRatio, Double largestGradient, boolean zeroGradient,
                                    Double maxDead, Double maxSaturated, Double accuracy, double chance,
                                    boolean diverged) {
        Verdict v;
        if (zeroGradient) {
            v = Verdict.NO_SIGNAL;
        } else if (diverged || largestGradient != null && largestGradient > GradientTrend.HUGE
                || firstUpdateRatio != null && firstUpdateRatio > EXPLODING_UPDATE) {
            v = Verdict.EXPLODING;
        } else if (firstUpdateRatio != null ? firstUpdateRatio < VANISHING_UPDATE
                : largestGradient != null && largestGradient < GradientTrend.TINY) {
            v = Verdict.VANISHING;
        } else if (maxDead != null && maxDead >= DEAD_OR_SATURATED) {
            v = Verdict.DEAD;
        } else if (maxSaturated != null && maxSaturated >= DEAD_OR_SATURATED) {
            v = Verdict.SATURATED;
        } else if (accuracy == null || accuracy <= chance + CHANCE_MARGIN) {
            v = Verdict.NOT_LEARNING;
        } else {
            v = Verdict.HEALTHY;
        }
        return new ScaleJudgement(v, firstUpdateRatio, largestGradient, zeroGradient, maxDead, maxSaturated, accuracy,
                chance, diverged);
    }

    /** Whether the net ended within {@link #CHANCE_MARGIN} of chance (or has no accuracy at all). */
    public boolean atChance() {
        return accuracy == null || accuracy <= chance + CHANCE_MARGIN;
    }

    /** The verdict in one word or two. */
    public String word() {
        return switch (verdict) {
            case NO_SIGNAL -> "no signal";
            case EXPLODING -> "exploding";
            case VANISHING -> "vanishing";
            case DEAD -> "dead units";
            case SATURATED -> "saturated";
            case NOT_LEARNING -> "not learning";
            case HEALTHY -> "healthy";
        };
    }

    /** The verdict with the numbers behind it, for a caption. */
    public String words() {
        StringBuilder s = new StringBuilder(word());
        s.append(": first-layer update ").append(firstUpdateRatio == null ? "not measured"
                : "‖ΔW‖/‖W‖ " + g(firstUpdateRatio) + " per step (trains near 1e-3; frozen below " + g(VANISHING_UPDATE)
                + ", exploding above " + g(EXPLODING_UPDATE) + ")");
        if (largestGradient != null) {
            s.append(", largest step-0 gradient RMS ").append(g(largestGradient));
        }
        if (maxDead != null) {
            s.append(", dead ").append(percent(maxDead));
        }
        if (maxSaturated != null) {
            s.append(", saturated ").append(percent(maxSaturated));
        }
        s.append("; ").append(diverged ? "every seed diverged" : accuracy == null ? "no seed ended OK"
                : "final test accuracy " + String.format(Locale.ROOT, "%.3f", accuracy) + (atChance()
                ? " — at chance (" + String.format(Locale.ROOT, "%.2f", chance) + ")" : ""));
        return s.toString();
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.2g", v);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
