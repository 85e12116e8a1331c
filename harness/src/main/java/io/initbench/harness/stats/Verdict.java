package io.initbench.harness.stats;

import java.util.Locale;

/**
 * What one paired comparison says, in the three words reports use. A p-value above α alone is never read
 * as "no effect": that takes the equivalence test.
 */
public enum Verdict {
    /** The two-sided paired t-test rejects "no difference" after Holm's adjustment over its family. */
    DIFFERENT,
    /**
     * The two one-sided tests reject "the difference is at least the margin" (the 90% interval of the
     * paired difference lies within ±margin) after Holm's adjustment over its family.
     */
    EQUIVALENT,
    /** Neither: the seeds cannot tell a difference of the margin from none. */
    INCONCLUSIVE;

    /** "different", "equivalent within ±0.005", "inconclusive". */
    public String words(double margin) {
        return switch (this) {
            case DIFFERENT -> "different";
            case EQUIVALENT -> "equivalent within ±" + trim(margin);
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    private static String trim(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }
}
