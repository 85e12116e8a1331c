package io.initbench.harness.stats;

/**
 * One paired comparison of a family, {@code other − reference} on the seeds OK in both, with everything a
 * report says about it.
 *
 * @param reference  the configuration compared with (the declared baseline, the first of an all-pairs pair
 *                   in ranking order, BatchNorm off)
 * @param other      the configuration compared
 * @param paired     the paired comparison, differences taken as other − reference
 * @param tostP      two one-sided tests against ±margin ({@link Equivalence#tostP}); null when untestable
 * @param detectable smallest difference the paired t-test detects with 80% power at α = 0.05
 *                   (unadjusted) given the observed spread; null when untestable
 * @param holmFamily paired t p after Holm's adjustment over the comparisons of its family (the table)
 * @param holmRun    paired t p after Holm's adjustment over every comparison of the run
 * @param tostHolm   TOST p after Holm's adjustment over its family
 * @param verdict    different / equivalent / inconclusive, from the family-adjusted p-values
 */
public record Comparison(SeedGroup reference, SeedGroup other, PairedComparison paired, Double tostP,
                         Double detectable, Double holmFamily, Double holmRun, Double tostHolm, Verdict verdict) {

    /** The unadjusted comparison, before its family and the run are known. */
    static Comparison raw(SeedGroup reference, SeedGroup other, double margin) {
        PairedComparison c = PairedComparison.of(reference.accuracyBySeed(), other.accuracyBySeed());
        return new Comparison(reference, other, c, Equivalence.tostP(c.difference(), margin),
                Equivalence.detectable(c.difference(), Ranking.ALPHA), null, null, null, null);
    }

    Comparison adjusted(Double family, Double tostFamily) {
        return new Comparison(reference, other, paired, tostP, detectable, family, holmRun, tostFamily,
                verdict(family, tostFamily, paired));
    }

    Comparison withRun(Double run) {
        return new Comparison(reference, other, paired, tostP, detectable, holmFamily, run, tostHolm, verdict);
    }

    /**
     * Equivalent when the adjusted TOST rejects (the difference is within the margin, whether or not it is
     * also significantly non-zero: it is too small to matter); else different when the adjusted t-test
     * rejects; else inconclusive. A pair whose differences are all exactly 0 (the same result on every seed)
     * has no t p-value but a TOST p of 0, so it is equivalent.
     */
    static Verdict verdict(Double holmP, Double tostHolmP, PairedComparison c) {
        if (tostHolmP != null && tostHolmP < Ranking.ALPHA) {
            return Verdict.EQUIVALENT;
        }
        if (holmP != null && holmP < Ranking.ALPHA) {
            return Verdict.DIFFERENT;
        }
        return Verdict.INCONCLUSIVE;
    }

    /** The unadjusted two-sided paired t p-value; null when untestable. */
    public Double pValue() {
        return paired.pValue();
    }
}
