package io.initbench.harness.report;

import io.initbench.harness.result.RunResults;
import io.initbench.harness.stats.Comparison;
import io.initbench.harness.stats.ComparisonFamily;
import io.initbench.harness.stats.Ranking;
import io.initbench.harness.stats.RunStatistics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code comparisons.csv}: every paired comparison of the run, one row each, with its family (the question
 * of the table that shows it), how the family's pairs were chosen, the family's and the run's Holm values,
 * the equivalence test and the verdict. Empty field = undefined (an untestable comparison has no p-value).
 */
public final class ComparisonsCsvWriter implements ReportWriter {

    private record Row(ComparisonFamily family, Comparison c, double margin) {
    }

    private static final List<CsvTable.Column<Row>> COLUMNS = List.of(
            new CsvTable.Column<>("family", r -> r.family().question()),
            new CsvTable.Column<>("design", r -> r.family().design().name()),
            new CsvTable.Column<>("reference_config_id", r -> r.c().reference().configId()),
            new CsvTable.Column<>("reference", r -> r.c().reference().config().configLabel()),
            new CsvTable.Column<>("other_config_id", r -> r.c().other().configId()),
            new CsvTable.Column<>("other", r -> r.c().other().config().configLabel()),
            new CsvTable.Column<>("pairs", r -> r.c().paired().pairs()),
            new CsvTable.Column<>("diff_mean", r -> r.c().paired().difference() == null ? null
                    : r.c().paired().difference().mean()),
            new CsvTable.Column<>("diff_ci95_low", r -> r.c().paired().difference() == null ? null
                    : r.c().paired().difference().ciLow()),
            new CsvTable.Column<>("diff_ci95_high", r -> r.c().paired().difference() == null ? null
                    : r.c().paired().difference().ciHigh()),
            new CsvTable.Column<>("p_paired_t", r -> r.c().pValue()),
            new CsvTable.Column<>("p_holm_family", r -> r.c().holmFamily()),
            new CsvTable.Column<>("family_size", r -> r.family().tested()),
            new CsvTable.Column<>("p_holm_run", r -> r.c().holmRun()),
            new CsvTable.Column<>("margin", Row::margin),
            new CsvTable.Column<>("p_tost", r -> r.c().tostP()),
            new CsvTable.Column<>("p_tost_holm_family", r -> r.c().tostHolm()),
            new CsvTable.Column<>("detectable_80", r -> r.c().detectable()),
            new CsvTable.Column<>("verdict", r -> r.c().verdict().name()),
            new CsvTable.Column<>("p_wilcoxon", r -> r.c().paired().wilcoxonP()));

    @Override
    public void write(RunResults run, Appendable out) throws IOException {
        RunStatistics stats = ComparisonTables.statistics(run);
        List<Row> rows = new ArrayList<>();
        for (Ranking.Family f : stats.rankings()) {
            f.comparisons().comparisons().forEach(c -> rows.add(new Row(f.comparisons(), c, stats.margin())));
        }
        if (stats.batchNorm() != null) {
            stats.batchNorm().comparisons().forEach(c -> rows.add(new Row(stats.batchNorm(), c, stats.margin())));
        }
        CsvTable.write(COLUMNS, rows, out);
    }
}
