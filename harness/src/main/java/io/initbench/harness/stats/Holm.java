package io.initbench.harness.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Holm's (1979) step-down adjustment of a family of p-values, which controls the family-wise error rate
 * under any dependence between the tests (the comparisons against one best share the best's seeds, so
 * they are dependent). commons-math3 has no multiple-comparison correction.
 *
 * <p>With the m p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value of the j-th is
 * max over i ≤ j of min(1, (m − i + 1) · p₍ᵢ₎); rejecting where the adjusted value is below α is Holm's
 * procedure at level α.
 */
public final class Holm {
    private Holm() {
    }

    /**
     * Adjusted p-values in the order given. Null entries (comparisons that could not be tested) are not
     * members of the family and stay null; m counts the others.
     */
    public static List<Double> adjust(List<Double> pValues) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pValues.size(); i++) {
            Double p = pValues.get(i);
            if (p != null) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("a p-value must lie in [0, 1], got " + p);
                }
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(pValues::get));
        List<Double> adjusted = new ArrayList<>(java.util.Collections.nCopies(pValues.size(), (Double) null));
        int m = order.size();
        double running = 0;
        for (int k = 0; k < m; k++) {
            int i = order.get(k);
            running = Math.max(running, Math.min(1, (m - k) * pValues.get(i)));
            adjusted.set(i, running);
        }
        return adjusted;
    }

    /** How many p-values the family holds (the m of the adjustment). */
    public static int familySize(List<Double> pValues) {
        return (int) pValues.stream().filter(java.util.Objects::nonNull).count();
    }
}
