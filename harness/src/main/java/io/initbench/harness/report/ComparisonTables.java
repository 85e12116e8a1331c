package io.initbench.harness.report;

import io.initbench.harness.output.Format;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.stats.Comparison;
import io.initbench.harness.stats.ComparisonFamily;
import io.initbench.harness.stats.Equivalence;
import io.initbench.harness.stats.PairedComparison;
import io.initbench.harness.stats.Ranking;
import io.initbench.harness.stats.RunStatistics;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rankings and comparison tables of {@code matrix.md} and {@code report.html}, worded once. Every
 * comparison table names its family (the question it answers), says how its pairs were chosen (all pairs or
 * a declared baseline, never the observed best), and gives for each pair the family's and the run's Holm
 * value, the equivalence test against the suite's margin, the smallest difference the seeds could detect and
 * a three-way verdict.
 */
final class ComparisonTables {
    private ComparisonTables() {
    }

    /** The run's statistics under its suite's analysis settings. */
    static RunStatistics statistics(RunResults run) {
        return RunStatistics.of(SeedGroup.of(run.cells()), run.suite().baselineInit(),
                run.suite().analysis().margin());
    }

    /** The descriptive ranking of one panel; null when no activation there has two ranked initializers. */
    static StatsText.StatsTable ranking(RunStatistics stats, List<CellRecord> records) {
        Ranking.Family f = stats.rankingOf(SeedGroup.of(records));
        if (f == null || !f.comparable()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Ranking.Column col : f.columns()) {
            for (Ranking.Entry e : col.entries()) {
                if (e.rank() == null) {
                    continue;
                }
                SeedGroup g = e.group();
                rows.add(List.of(col.representative().activation().name(), Integer.toString(e.rank()),
                        g.config().weightInit().label(),
                        StatsText.alarming(g) ? "**" + g.statusLabel() + "**" : g.statusLabel(),
                        StatsText.withCi(g.accuracy(), 4)));
            }
        }
        String caption = "Ranking per activation (descriptive): status first (all seeds OK, then by fraction OK), then"
                + " mean final test accuracy of the OK seeds ± its 95% interval. The order chooses no comparison:"
                + " the table below compares " + design(f.comparisons()) + ".";
        return new StatsText.StatsTable(caption, List.of("activation", "rank", "weightInit", "seeds",
                "accuracy (OK seeds)"), rows, Set.of(0, 2));
    }

    /** The comparisons of one panel's ranking family; null when it has none. */
    static StatsText.StatsTable comparisons(RunStatistics stats, List<CellRecord> records) {
        Ranking.Family f = stats.rankingOf(SeedGroup.of(records));
        if (f == null || f.comparisons().comparisons().isEmpty()) {
            return null;
        }
        return table(f.comparisons(), stats, "activation", c -> c.other().config().activation().name(),
                c -> c.other().config().weightInit().label() + " − " + c.reference().config().weightInit().label());
    }

    /** BatchNorm on against off for every configuration that has both; null when none has. */
    static StatsText.StatsTable batchNorm(RunStatistics stats) {
        ComparisonFamily bn = stats.batchNorm();
        if (bn == null) {
            return null;
        }
        return table(bn, stats, "configuration", c -> {
            boolean tuned = c.reference().seeds().get(0).phase() == CellPhase.TUNED;
            return c.reference().config().configLabel() + (tuned ? " (lr " + Format.rate(
                    c.reference().config().learningRate()) + " / " + Format.rate(
                    c.other().config().learningRate()) + ")" : "");
        }, c -> "BN on (" + side(c.other()) + ") − off (" + side(c.reference()) + ")");
    }

    private static StatsText.StatsTable table(ComparisonFamily fam, RunStatistics stats, String firstHeader,
                                              java.util.function.Function<Comparison, String> first,
                                              java.util.function.Function<Comparison, String> pair) {
        double margin = stats.margin();
        boolean wilcoxon = fam.comparisons().stream().anyMatch(c -> c.paired().wilcoxonApplies());
        int maxPairs = fam.comparisons().stream().mapToInt(c -> c.paired().pairs()).max().orElse(0);
        List<String> header = new ArrayList<>(List.of(firstHeader, "comparison", "Δ paired ± 95% CI", "pairs",
                "p paired t", "p Holm (table)", "p Holm (run)", "p TOST (Holm)", "detectable (80%)", "verdict"));
        if (wilcoxon) {
            header.add("p Wilcoxon");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Comparison c : fam.comparisons()) {
            PairedComparison p = c.paired();
            List<String> row = new ArrayList<>(List.of(first.apply(c), pair.apply(c),
                    p.difference() == null ? "" : StatsText.differenceWithCi(p.difference(), 4),
                    Integer.toString(p.pairs()), opt(c.pValue()), star(c.holmFamily()), star(c.holmRun()),
                    opt(c.tostHolm()), c.detectable() == null ? "" : Format.fixed(c.detectable(), 4),
                    c.verdict() == Verdict.DIFFERENT ? "**" + c.verdict().words(margin) + "**"
                            : c.verdict().words(margin)));
            if (wilcoxon) {
                row.add(p.wilcoxonP() == null ? "" : StatsText.p(p.wilcoxonP()));
            }
            rows.add(row);
        }
        String caption = "Family: " + fam.question() + " — " + design(fam) + "; " + fam.tested() + " of "
                + fam.comparisons().size() + " comparison(s) testable. Verdicts: " + fam.count(Verdict.DIFFERENT)
                + " different, " + fam.count(Verdict.EQUIVALENT) + " equivalent within ±" + Format.fixed(margin, 3)
                + ", " + fam.count(Verdict.INCONCLUSIVE) + " inconclusive. Δ = mean per-seed difference on the"
                + " seeds OK in both (same seed = same data order and the same weight draw) ± its 95% Student-t"
                + " half-width; p paired t = two-sided paired t-test (blank: fewer than 2 pairs or identical"
                + " differences); p Holm (table) = Holm's adjustment over this table's comparisons, the family;"
                + " p Holm (run) = Holm's adjustment over all " + stats.runSize() + " comparisons of the run"
                + " (rankings and BatchNorm table together); * = below " + Ranking.ALPHA + ". p TOST = two"
                + " one-sided tests that the difference lies within ±" + Format.fixed(margin, 3) + " (the suite's"
                + " margin), Holm-adjusted over the table. detectable = the smallest true difference the paired"
                + " t-test would find with " + Math.round(Equivalence.POWER * 100) + "% power at α = "
                + Ranking.ALPHA + " given the observed spread. Verdict: equivalent when p TOST < " + Ranking.ALPHA
                + "; otherwise different when p Holm (table) < " + Ranking.ALPHA + "; otherwise inconclusive (the"
                + " seeds cannot tell a difference of the margin from none: no evidence of no effect)."
                + (wilcoxon ? " p Wilcoxon = signed-rank test on the non-zero differences where there are at least "
                + PairedComparison.MIN_WILCOXON_PAIRS + " (exact up to 30)."
                : " No Wilcoxon signed-rank test: it needs at least " + PairedComparison.MIN_WILCOXON_PAIRS
                + " non-zero pairs to be able to reach p < 0.05 (here at most " + maxPairs + ").");
        return new StatsText.StatsTable(caption, header, rows, Set.of(0, 1, 9));
    }

    /** How a family's pairs were chosen, in words. */
    static String design(ComparisonFamily f) {
        int n = f.comparisons().size();
        return switch (f.design()) {
            case ALL_PAIRS -> "all pairs of initializers within each activation (" + n + " comparison(s), no"
                    + " reference chosen from the results)";
            case BASELINE -> "every initializer against the baseline " + f.baseline() + " declared by the suite ("
                    + n + " comparison(s))";
            case MATCHED -> "each configuration with BatchNorm on against the same configuration off (" + n
                    + " comparison(s))";
        };
    }

    private static String side(SeedGroup g) {
        String acc = g.accuracy() == null ? "—" : StatsText.withCi(g.accuracy(), 4);
        return g.allOk() ? acc : g.statusLabel() + ": " + acc;
    }

    private static String opt(Double p) {
        return p == null ? "" : StatsText.p(p);
    }

    private static String star(Double p) {
        return p == null ? "" : StatsText.p(p) + (p < Ranking.ALPHA ? " *" : "");
    }
}
