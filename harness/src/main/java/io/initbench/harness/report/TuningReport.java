package io.initbench.harness.report;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.spec.TuningSpec;
import io.initbench.harness.train.Tuning;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The learning-rate tuning of a run in {@code matrix.md}: its budget, and the rate each configuration chose. */
final class TuningReport {
    private TuningReport() {
    }

    /** One line: what tuning cost, from the tuning cells' own records. */
    static void budget(RunResults run, Appendable out) throws IOException {
        TuningSpec t = run.suite().tuning();
        if (t == null) {
            return;
        }
        List<CellRecord> cells = run.tuning();
        long samples = cells.stream().mapToLong(r -> r.metrics().timing().samples()).sum();
        double train = cells.stream().mapToDouble(r -> r.metrics().timing().trainSeconds()).sum();
        double wall = cells.stream().mapToDouble(r -> r.metrics().timing().wallSeconds()).sum();
        out.append("- tuning: rate chosen per configuration (cell less seed and rate) by mean ")
                .append(t.metric().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" accuracy over tuning")
                .append(" seeds ").append(t.seeds().toString()).append(" (disjoint from the reported seeds); budget ")
                .append(Integer.toString(cells.size())).append(" tuning cells, ")
                .append(Format.human(samples)).append(" training samples, ")
                .append(Format.fixed(train, 0) + " s training, " + Format.fixed(wall, 0) + " s wall")
                .append(" (cell-seconds, summed over workers)\n");
    }

    /** A table: per configuration, the metric at every rate tried and the rate chosen. */
    static void choices(RunResults run, Appendable out) throws IOException {
        TuningSpec t = run.suite().tuning();
        if (t == null) {
            return;
        }
        List<Tuning.Choice> choices = Tuning.choices(run.suite(), run.allCells());
        out.append("\n## Learning-rate tuning\n\nMean ").append(t.metric().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ')).append(" accuracy of the tuning seeds at each rate; **bold** = chosen (the"
                + " results above are the final seeds at that rate)\n\n| configuration | ")
                .append(t.learningRates().stream().map(r -> "lr " + Format.rate(r))
                        .collect(Collectors.joining(" | ")))
                .append(" | chosen |\n|---|").append("---:|".repeat(t.learningRates().size())).append("---:|\n");
        for (Tuning.Choice c : choices) {
            out.append("| ").append(c.representative().configLabel()).append(" |");
            for (double lr : t.learningRates()) {
                String v = c.trials().stream().filter(x -> x.learningRate() == lr).findFirst()
                        .map(x -> Format.fixed(x.meanMetric(), 4)).orElse("—");
                out.append(' ').append(c.chosen() != null && c.chosen() == lr ? "**" + v + "**" : v).append(" |");
            }
            out.append(' ').append(c.chosen() == null ? "not yet" : Format.rate(c.chosen()))
                    .append(c.atEdge() ? " (edge)" : "").append(" |\n");
        }
        long edge = choices.stream().filter(Tuning.Choice::atEdge).count();
        if (edge > 0) {
            out.append("\n").append(Long.toString(edge)).append(" of ").append(Integer.toString(choices.size()))
                    .append(" configuration(s) chose the largest or smallest rate of the grid (edge): their best rate"
                            + " may lie beyond it, so they are compared at the best rate tried, not at their best"
                            + " rate. Widen `tuning.learningRates` in that direction to find out.\n");
        }
    }
}
