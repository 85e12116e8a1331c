package io.initbench.harness.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Mean, sample standard deviation and a two-sided 95% Student-t confidence interval of the mean.
 * With one value the spread is unknown: {@code sd}, {@code ciLow} and {@code ciHigh} are null (never a
 * made-up zero).
 */
public record Summary(int n, double mean, Double sd, Double ciLow, Double ciHigh, double[] values) {
    public static final double CONFIDENCE = 0.95;

    public Summary {
        values = values.clone();
    }

    public static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a summary needs at least one value");
        }
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        if (values.length == 1) {
            return new Summary(1, s.getMean(), null, null, null, values);
        }
        double t = new TDistribution(values.length - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = t * s.getStandardDeviation() / Math.sqrt(values.length);
        return new Summary(values.length, s.getMean(), s.getStandardDeviation(), s.getMean() - half,
                s.getMean() + half, values);
    }

    /** Half the width of the confidence interval, null with one value. */
    public Double halfWidth() {
        return ciHigh == null ? null : (ciHigh - ciLow) / 2;
    }

    /** Whether the two confidence intervals are disjoint (false when either has no interval). */
    public boolean disjointFrom(Summary other) {
        if (ciLow == null || other.ciLow == null) {
            return false;
        }
        return ciHigh < other.ciLow || other.ciHigh < ciLow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && n == s.n && Double.compare(mean, s.mean) == 0
                && java.util.Objects.equals(sd, s.sd) && java.util.Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(n, mean, sd, java.util.Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Summary[n=" + n + ", mean=" + mean + ", sd=" + sd + ", ci=[" + ciLow + ", " + ciHigh + "]]";
    }
}
