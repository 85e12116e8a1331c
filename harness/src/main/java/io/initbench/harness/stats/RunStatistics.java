package io.initbench.harness.stats;

import io.initbench.harness.spec.CellPhase;
import java.util.ArrayList;
import java.util.List;

/**
 * Every comparison of a run under one convention: each table is a family (its question is its family),
 * Holm-adjusted within itself, and every comparison also carries a run-wide Holm value over all the
 * comparisons of all the tables, for a reader who takes the whole report as one question.
 *
 * @param rankings  one family per ranking table, in grid order
 * @param batchNorm the BatchNorm off/on family; null when no configuration has both
 * @param margin    the equivalence margin the verdicts use
 * @param runSize   how many comparisons the run-wide adjustment spans (those with a p-value)
 */
public record RunStatistics(List<Ranking.Family> rankings, ComparisonFamily batchNorm, double margin, int runSize) {

    /**
     * @param groups   the run's configurations (tuning cells are left out)
     * @param baseline the declared baseline initializer's label; null = all pairs
     */
    public static RunStatistics of(List<SeedGroup> groups, String baseline, double margin) {
        List<SeedGroup> results = groups.stream().filter(g -> g.seeds().get(0).phase() != CellPhase.TUNING).toList();
        List<Ranking.Family> rankings = Ranking.of(results, baseline, margin);
        ComparisonFamily bn = BatchNormEffect.of(results, margin);
        List<Double> all = new ArrayList<>();
        rankings.forEach(f -> f.comparisons().comparisons().forEach(c -> all.add(c.pValue())));
        if (bn != null) {
            bn.comparisons().forEach(c -> all.add(c.pValue()));
        }
        List<Double> adjusted = Holm.adjust(all);
        int k = 0;
        List<Ranking.Family> withRun = new ArrayList<>();
        for (Ranking.Family f : rankings) {
            int n = f.comparisons().comparisons().size();
            withRun.add(new Ranking.Family(f.key(), f.representative(), f.columns(),
                    f.comparisons().withRun(adjusted.subList(k, k + n))));
            k += n;
        }
        ComparisonFamily bnRun = bn == null ? null : bn.withRun(adjusted.subList(k, adjusted.size()));
        return new RunStatistics(withRun, bnRun, margin, Holm.familySize(all));
    }

    /** The ranking family of the configurations {@code panel} holds; null when it has none. */
    public Ranking.Family rankingOf(List<SeedGroup> panel) {
        if (panel.isEmpty()) {
            return null;
        }
        String key = panel.get(0).keyAcross("weightInit", "activation");
        return rankings.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }
}
