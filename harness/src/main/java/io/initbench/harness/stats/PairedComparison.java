package io.initbench.harness.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * One configuration against a reference (a declared baseline, the other of a pair, BatchNorm off) on the
 * seeds both finished OK. Cells
 * with the same seed share the data order and the Gaussian draw, so seed i of one configuration is
 * compared with seed i of the other: the per-seed differences remove what the seeds share, which an
 * unpaired test leaves in the noise.
 *
 * @param pairs               seeds OK in both configurations
 * @param difference          mean, sd and 95% Student-t interval of (this − reference) over the pairs;
 *                            null without pairs, no interval with one pair
 * @param pValue              two-sided paired t-test (commons-math3 {@code TTest.pairedTTest}); null with
 *                            fewer than 2 pairs, or when every difference is the same (zero spread: the t
 *                            statistic is undefined or infinite, neither of which is evidence)
 * @param wilcoxonPairs       pairs with a non-zero difference (the signed-rank test drops zeros)
 * @param wilcoxonP           two-sided Wilcoxon signed-rank p (commons-math3, exact up to 30 pairs, normal
 *                            approximation above); null below {@link #MIN_WILCOXON_PAIRS} non-zero pairs
 */
public record PairedComparison(int pairs, Summary difference, Double pValue, int wilcoxonPairs, Double wilcoxonP) {

    /**
     * The exact two-sided signed-rank test cannot give p below 2 / 2ⁿ (all n differences of one sign):
     * 0.0625 with 5 pairs, 0.03125 with 6. Below 6 pairs it can never reach 0.05, so it is not run.
     */
    public static final int MIN_WILCOXON_PAIRS = 6;

    /** commons-math3 computes the exact distribution by enumerating 2ⁿ sign patterns up to this n. */
    private static final int MAX_EXACT_WILCOXON_PAIRS = 30;

    /**
     * @param reference per-seed values of the reference (seed → value, OK seeds only)
     * @param other     per-seed values of the configuration compared
     */
    public static PairedComparison of(SortedMap<Long, Double> reference, SortedMap<Long, Double> other) {
        List<Double> ref = new ArrayList<>();
        List<Double> oth = new ArrayList<>();
        for (Map.Entry<Long, Double> e : other.entrySet()) {
            Double r = reference.get(e.getKey());
            if (r != null) {
                ref.add(r);
                oth.add(e.getValue());
            }
        }
        int n = ref.size();
        if (n == 0) {
            return new PairedComparison(0, null, null, 0, null);
        }
        double[] x = oth.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ref.stream().mapToDouble(Double::doubleValue).toArray();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - y[i];
        }
        Summary diff = Summary.of(d);
        Double p = n >= 2 && diff.sd() > 0 ? new TTest().pairedTTest(x, y) : null;
        return new PairedComparison(n, diff, p, nonZero(d), wilcoxon(x, y, d));
    }

    private static int nonZero(double[] d) {
        int k = 0;
        for (double v : d) {
            k += v != 0 ? 1 : 0;
        }
        return k;
    }

    /** Signed-rank test on the pairs whose difference is not zero (Wilcoxon's own treatment of zeros). */
    private static Double wilcoxon(double[] x, double[] y, double[] d) {
        int m = nonZero(d);
        if (m < MIN_WILCOXON_PAIRS) {
            return null;
        }
        double[] xs = new double[m];
        double[] ys = new double[m];
        int k = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0) {
                xs[k] = x[i];
                ys[k] = y[i];
                k++;
            }
        }
        double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(xs, ys, m <= MAX_EXACT_WILCOXON_PAIRS);
        // the exact p doubles a one-sided tail that includes the centre, so it can exceed 1
        return Math.min(1, p);
    }

    /** Whether the signed-rank test was run (enough non-zero pairs to reach 0.05). */
    public boolean wilcoxonApplies() {
        return wilcoxonP != null;
    }
}
