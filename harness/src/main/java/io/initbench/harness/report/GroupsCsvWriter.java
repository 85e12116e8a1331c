package io.initbench.harness.report;

import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Parameter;
import io.initbench.harness.stats.Ranking;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code groups.csv}: one row per configuration (cells that differ only by seed) with the statistics
 * over its seeds and its rank among the initializers of its family. Empty field = undefined (one seed
 * has no interval; an untestable comparison has no p-value).
 */
public final class GroupsCsvWriter implements ReportWriter {

    /** A configuration with its statistics, computed once per row. */
    private record Row(SeedGroup group, Summary accuracy, Summary speed, Ranking.Entry rank) {
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
        add(c, "accuracy_n", r -> r.accuracy() == null ? 0 : r.accuracy().n());
        summary(c, "accuracy", Row::accuracy);
        add(c, "reached_target", r -> r.group().reachedTarget());
        summary(c, "samples_to_target", Row::speed);
        add(c, "sample_budget", r -> r.config().sampleBudget());
        add(c, "rank", r -> r.rank() == null ? null : r.rank().rank());
        add(c, "p_vs_best_welch", r -> r.rank() == null ? null : r.rank().pValue());
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
        java.util.Map<String, Ranking.Entry> ranks = new java.util.HashMap<>();
        Ranking.of(groups).forEach(f -> f.entries().forEach(e -> ranks.put(e.group().configId(), e)));
        List<Row> rows = groups.stream().map(g -> new Row(g, g.accuracy(), g.samplesToTarget(),
                ranks.get(g.configId()))).toList();
        CsvTable.write(COLUMNS, rows, out);
    }
}
