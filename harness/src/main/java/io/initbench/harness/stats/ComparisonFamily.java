package io.initbench.harness.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparisons one table makes: the question it answers is its family, and its p-values are
 * Holm-adjusted together ({@link Comparison#holmFamily()}); every comparison also carries the run-wide
 * adjustment ({@link Comparison#holmRun()}), set by {@link RunStatistics}.
 *
 * @param question    the question the table answers, as a reader would ask it
 * @param design      how the pairs were chosen
 * @param baseline    the declared baseline's label when {@code design} is {@link Design#BASELINE}
 * @param comparisons the comparisons, in table order
 */
public record ComparisonFamily(String question, Design design, String baseline, List<Comparison> comparisons) {

    /** How a family's pairs are chosen; never by the results (no "against the best"). */
    public enum Design {
        /** every pair of the compared values: k(k − 1)/2 comparisons among k */
        ALL_PAIRS,
        /** every value against the baseline the suite declares: k − 1 comparisons */
        BASELINE,
        /** a fixed pairing, e.g. BatchNorm on against off for the same configuration */
        MATCHED
    }

    public ComparisonFamily {
        comparisons = List.copyOf(comparisons);
    }

    /** Adjusts {@code raw} comparisons as one family. */
    static ComparisonFamily of(String question, Design design, String baseline, List<Comparison> raw) {
        List<Double> p = raw.stream().map(Comparison::pValue).toList();
        List<Double> tost = raw.stream().map(Comparison::tostP).toList();
        List<Double> hp = Holm.adjust(p);
        List<Double> ht = Holm.adjust(tost);
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(raw.get(i).adjusted(hp.get(i), ht.get(i)));
        }
        return new ComparisonFamily(question, design, baseline, out);
    }

    /** The m of the family's t-test adjustment: comparisons with a p-value. */
    public int tested() {
        return Holm.familySize(comparisons.stream().map(Comparison::pValue).toList());
    }

    /** The same family with the run-wide adjusted p-values in comparison order. */
    ComparisonFamily withRun(List<Double> run) {
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            out.add(comparisons.get(i).withRun(run.get(i)));
        }
        return new ComparisonFamily(question, design, baseline, out);
    }

    public long count(Verdict v) {
        return comparisons.stream().filter(c -> c.verdict() == v).count();
    }
}
