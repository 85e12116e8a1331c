package io.initbench.harness.train;

import java.util.Locale;

/**
 * The finite-divergence rule: a training loss that stays finite but is far worse than guessing. With C
 * classes, uniform guessing has cross-entropy ln C (2.30 for 10). A cell diverged when the mean training
 * loss of an evaluation interval exceeds {@value #ANY_TIME}·ln C at any time, or {@value #AFTER_FIRST_EPOCH}·ln C
 * after the first epoch (when every cell that learns at all is below ln C). Chosen against the reference
 * suites: their worst first-epoch interval is 3.7·ln C (glorot-2010, tanh, one epoch of batch-32 steps),
 * their worst later one 1.006·ln C (symmetry, sigmoid at chance); a learning rate of 1e6 on smoke gives
 * 7.5–8.2·ln C, CONSTANT(1e30) weights under tanh 2.9·ln C after the first epoch.
 */
public final class LossBound {
    public static final double ANY_TIME = 5;
    public static final double AFTER_FIRST_EPOCH = 2;
    /** The rule in words, written into every record. */
    public static final String RULE = "DIVERGED when the loss or a parameter is NaN/Inf, or when the mean training loss"
            + " of an evaluation interval exceeds " + fmt(ANY_TIME) + "·ln(classes) at any time or "
            + fmt(AFTER_FIRST_EPOCH) + "·ln(classes) after the first epoch";

    private LossBound() {
    }

    /**
     * Null when the interval's mean loss is within the rule, else the reason.
     *
     * @param iteration iteration at the end of the interval (1-based)
     */
    public static String check(double meanLoss, long iteration, long itersPerEpoch, int classes) {
        double chance = Math.log(classes);
        boolean afterFirst = iteration > itersPerEpoch;
        double k = afterFirst ? AFTER_FIRST_EPOCH : ANY_TIME;
        if (meanLoss <= k * chance) {
            return null;
        }
        return String.format(Locale.ROOT, "finite divergence at iteration %d: mean training loss %.4g is above %s·ln(%d)"
                + " = %.4g %s (guessing scores ln(%d) = %.4g)", iteration, meanLoss, fmt(k), classes, k * chance,
                afterFirst ? "after the first epoch" : "", classes, chance).replace("  (", " (");
    }

    private static String fmt(double k) {
        return k == Math.rint(k) ? Long.toString((long) k) : Double.toString(k);
    }
}
