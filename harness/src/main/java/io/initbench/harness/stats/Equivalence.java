package io.initbench.harness.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Equivalence and sensitivity of a paired comparison, from the per-seed differences' mean, sd and count.
 *
 * <p><b>TOST</b> (Schuirmann's two one-sided tests): with margin δ, standard error se = sd/√n and n − 1
 * degrees of freedom, p₋ = P(T &gt; (mean + δ)/se) tests "difference ≤ −δ", p₊ = P(T &lt; (mean − δ)/se)
 * tests "difference ≥ +δ"; the TOST p is the larger. Below α it says the difference lies within ±δ
 * (equivalently: the 1 − 2α interval lies inside ±δ).
 *
 * <p><b>Smallest detectable difference</b> at power 1 − β for the two-sided paired t-test at α:
 * (t₁₋α/₂ + t₁₋β) · sd/√n with n − 1 degrees of freedom, the usual central-t approximation of the
 * noncentral-t power (commons-math3 has no noncentral t; with 3 pairs the exact value is 5% larger, with 5 pairs less).
 * It uses the observed sd, itself uncertain with few seeds: a guide to what the seeds could see, not a
 * guarantee.
 */
public final class Equivalence {
    /** The power at which the detectable difference is stated. */
    public static final double POWER = 0.8;

    private Equivalence() {
    }

    /**
     * The TOST p-value of {@code difference} against ±{@code margin}; null with fewer than 2 values. With
     * zero spread the differences are all equal: p = 0 when that value lies strictly inside the margin,
     * 1 otherwise (the limit of the test as sd → 0).
     */
    public static Double tostP(Summary difference, double margin) {
        if (difference == null || difference.n() < 2) {
            return null;
        }
        double m = difference.mean();
        if (difference.sd() == 0) {
            return Math.abs(m) < margin ? 0.0 : 1.0;
        }
        double se = difference.sd() / Math.sqrt(difference.n());
        TDistribution t = new TDistribution(difference.n() - 1);
        double lower = 1 - t.cumulativeProbability((m + margin) / se);
        double upper = t.cumulativeProbability((m - margin) / se);
        return Math.max(lower, upper);
    }

    /**
     * The smallest true mean difference the two-sided paired t-test at {@code alpha} detects with
     * probability {@link #POWER}, given the observed spread; null with fewer than 2 values or zero spread.
     */
    public static Double detectable(Summary difference, double alpha) {
        if (difference == null || difference.n() < 2 || difference.sd() == 0) {
            return null;
        }
        TDistribution t = new TDistribution(difference.n() - 1);
        double q = t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(POWER);
        return q * difference.sd() / Math.sqrt(difference.n());
    }
}
