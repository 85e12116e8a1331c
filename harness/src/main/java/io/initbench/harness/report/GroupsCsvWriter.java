package io.initbench.harness.report;

import io.initbench.harness.result.RunResults;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Parameter;
import io.initbench.harness.stats.Convergence;
import io.initbench.harness.stats.Ranking;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code groups.csv}: one row per configuration (cells that differ only by seed) with the statistics
 * over its seeds and its rank among the initializers of its activation in its table (descriptive; the
 * comparisons are in {@code comparisons.csv}). Accuracy is over the OK seeds only; speed is censored data (Kaplan–Meier median). Empty
 * field = undefined (one seed has no interval; a median that was
 * not reached).
 */
public final class GroupsCsvWriter implements ReportWriter {

    /** A configuration with its statistics, computed once per row. */
    private record Row(SeedGroup group, Summary accuracy, Convergence speed, Ranking.Entry rank) {
        CellSpec config() {
            return group.config();
        }
    }

    private static final List<CsvTable.Column<Row>> COLUMNS = columns();

    private static List<CsvTable.Column<Row>> columns() {
        List<CsvTable.Column<Row>> c = new ArrayList<>();
        add(c, "config_id", r -> r.group().configId());
        // every axis but the seed (the seeds are the rows' sample) and every training setting
        for (Parameter p : Parameter.ALL) {
            if (!p.key().equals("seed")) {
                add(c, p.column(), r -> p.label(r.config()));
            }
        }
        add(c, "seeds", r -> r.group().seeds().size());
        add(c, "ok", r -> r.group().count(Status.OK));
        add(c, "diverged", r -> r.group().count(Status.DIVERGED));
        add(c, "skipped", r -> r.group().count(Status.SKIPPED));
        add(c, "error", r -> r.group().count(Status.ERROR));
        add(c, "timeout", r -> r.group().count(Status.TIMEOUT));
        add(c, "status", r -> r.group().statusLabel());
        add(c, "accuracy_n", r -> r.accuracy() == null ? 0 : r.accuracy().n());
        summary(c, "accuracy", Row::accuracy);
        add(c, "rank", r -> r.rank() == null ? null : r.rank().rank());
        add(c, "trained", r -> r.speed().trained());
        add(c, "reached_target", r -> r.speed().reached());
        add(c, "km_median_samples_to_target", r -> r.speed().median() == null ? null : r.speed().median().longValue());
        add(c, "eval_step_samples", r -> r.speed().step());
        add(c, "sample_budget", r -> r.speed().budget());
        return List.copyOf(c);
    }

    private static void add(List<CsvTable.Column<Row>> columns, String name, Function<Row, Object> value) {
        columns.add(new CsvTable.Column<>(name, value));
    }

    /** mean, sd and the interval of one summary; all empty when there is none. */
    private static void summary(List<CsvTable.Column<Row>> c, String prefix, Function<Row, Summary> of) {
        add(c, prefix + "_mean", r -> of.apply(r) == null ? null : of.apply(r).mean());
        add(c, prefix + "_sd", r -> of.apply(r) == null ? null : of.apply(r).sd());
        add(c, prefix + "_ci95_low", r -> of.apply(r) == null ? null : of.apply(r).ciLow());
        add(c, prefix + "_ci95_high", r -> of.apply(r) == null ? null : of.apply(r).ciHigh());
    }

    @Override
    public void write(RunResults run, Appendable out) throws IOException {
        List<SeedGroup> groups = SeedGroup.of(run.cells());
        Map<String, Ranking.Entry> ranks = new HashMap<>();
        for (Ranking.Family f : ComparisonTables.statistics(run).rankings()) {
            for (Ranking.Column col : f.columns()) {
                col.entries().forEach(e -> ranks.put(e.group().configId(), e));
            }
        }
        List<Row> rows = groups.stream().map(g -> new Row(g, g.accuracy(), g.convergence(), ranks.get(g.configId())))
                .toList();
        CsvTable.write(COLUMNS, rows, out);
    }
}
