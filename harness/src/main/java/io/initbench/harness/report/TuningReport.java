package io.initbench.harness.report;

import io.initbench.harness.output.Escape;
import io.initbench.harness.output.Format;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.spec.TuningSpec;
import io.initbench.harness.stats.Tuning;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
                .append(metric(t)).append(" accuracy over tuning seeds ").append(t.seeds().toString())
                .append(" (disjoint from the reported seeds; ").append(budgetText(run, t))
                .append("); ties go to the rate nearest the middle of those tried")
                .append(t.extensible() ? "; a choice at an edge tries the next rate ×" + Format.rate(
                        TuningSpec.EXTENSION_FACTOR) + " beyond it, within [" + (t.minRate() == null ? "—"
                        : Format.rate(t.minRate())) + ", " + (t.maxRate() == null ? "—" : Format.rate(t.maxRate()))
                        + "]" : "")
                .append("; budget ").append(Integer.toString(cells.size())).append(" tuning cells, ")
                .append(Format.human(samples)).append(" training samples, ")
                .append(Format.fixed(train, 0) + " s training, " + Format.fixed(wall, 0) + " s wall")
                .append(" (cell-seconds, summed over workers)\n");
    }

    /** Whether the rate search ran on the final cells' budget or, successive-halving style, a shorter one. */
    private static String budgetText(RunResults run, TuningSpec t) {
        if (!t.ownBudget()) {
            return "same budget as the final cells";
        }
        var training = run.suite().training();
        var tuned = t.budget(training);
        return "a shorter search: " + epochs(tuned.epochs(), tuned.trainSize()) + " per tuning cell, the final cells "
                + epochs(training.epochs(), training.trainSize()) + "; a short budget can favour larger rates";
    }

    private static String epochs(int epochs, int trainSize) {
        return epochs + (epochs == 1 ? " epoch" : " epochs") + " of " + (trainSize == 0 ? "the training split"
                : String.format(Locale.ROOT, "%,d", trainSize) + " images");
    }

    private static String metric(TuningSpec t) {
        return t.metric().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A table: per configuration, the metric at every rate tried, the rate chosen and how far the tuning
     * seeds disagreed there. A rate whose tuning seeds failed shows their status, never a made-up 0.
     */
    static void choices(RunResults run, Appendable out) throws IOException {
        TuningSpec t = run.suite().tuning();
        if (t == null) {
            return;
        }
        List<Tuning.Choice> choices = Tuning.choices(run.suite(), run.allCells());
        List<Double> rates = t.allRates().stream().filter(r -> choices.stream().anyMatch(c -> c.trials().stream()
                .anyMatch(x -> x.learningRate() == r))).sorted(Comparator.reverseOrder()).toList();
        if (rates.isEmpty()) {
            rates = t.learningRates();
        }
        boolean spread = t.seeds().size() > 1;
        // the rate each configuration's final seeds actually trained at (a run recorded under other tuning rules
        // may differ from today's choice: say so rather than show a choice its results were not trained at)
        java.util.Map<String, Double> finalRate = new java.util.HashMap<>();
        run.cells().forEach(r -> finalRate.putIfAbsent(r.cell().tuningId(), r.cell().learningRate()));
        out.append("\n## Learning-rate tuning\n\nMean ").append(metric(t)).append(" accuracy of the ")
                .append(Integer.toString(t.seeds().size())).append(" tuning seed(s) at each rate; **bold** ="
                        + " chosen (the results above are the final seeds at that rate). A seed that diverged or did"
                        + " not train scores 0 in the mean and is named beside it; — = not tried.")
                .append(spread ? " spread = largest − smallest tuning seed at the chosen rate (how much one seed"
                        + " could have moved the choice)." : " One tuning seed: its spread is unknown.")
                .append("\n\n| configuration | ")
                .append(rates.stream().map(r -> "lr " + Format.rate(r)).collect(Collectors.joining(" | ")))
                .append(" | chosen |").append(spread ? " spread |" : "").append("\n|---|")
                .append("---:|".repeat(rates.size())).append("---:|").append(spread ? "---:|" : "").append('\n');
        for (Tuning.Choice c : choices) {
            out.append("| ").append(c.representative().configLabel()).append(" |");
            for (double lr : rates) {
                String v = c.trials().stream().filter(x -> x.learningRate() == lr).findFirst()
                        .map(TuningReport::trial).orElse("—");
                out.append(' ').append(Objects.equals(c.chosen(), lr) ? "**" + v + "**" : v).append(" |");
            }
            out.append(' ').append(c.chosen() == null ? "not yet" : Format.rate(c.chosen()))
                    .append(c.atEdge() ? " (edge)" : c.tie() ? " (tie: middle)" : "");
            Double trained = finalRate.get(c.tuningId());
            if (c.chosen() != null && trained != null && trained.doubleValue() != c.chosen()) {
                out.append("; **final seeds trained at ").append(Format.rate(trained))
                        .append(", chosen under an earlier rule**");
            }
            out.append(" |");
            if (spread) {
                Tuning.Trial chosen = c.chosenTrial();
                out.append(' ').append(chosen == null || chosen.seeds() < 2 ? "—" : Format.fixed(chosen.spread(), 4))
                        .append(" |");
            }
            out.append('\n');
        }
        long edge = choices.stream().filter(Tuning.Choice::atEdge).count();
        if (edge > 0) {
            out.append("\n").append(Long.toString(edge)).append(" of ").append(Integer.toString(choices.size()))
                    .append(" configuration(s) chose the largest or smallest rate tried (edge)")
                    .append(t.extensible() ? " and the grid's bound stopped them from extending further" : "")
                    .append(": their best rate may lie beyond it, so they are compared at the best rate tried, not"
                            + " at their best rate. ")
                    .append(t.extensible() ? "Move `tuning.minRate`/`tuning.maxRate` in that direction"
                            : "Set `tuning.minRate`/`tuning.maxRate` to let the grid extend itself")
                    .append(" to find out.\n");
        }
        long ties = choices.stream().filter(c -> c.tie() && !c.atEdge()).count();
        if (ties > 0) {
            out.append("\n").append(Long.toString(ties)).append(" configuration(s) scored the same best mean at"
                    + " several rates (typically all at chance); the rate nearest the middle of those tried was"
                    + " chosen (tie: middle).\n");
        }
        List<String> fixed = run.suite().overrides().stream().filter(o -> o.learningRate() != null)
                .map(o -> o.label() + " at lr " + Format.rate(o.learningRate())).toList();
        if (!fixed.isEmpty()) {
            out.append("\nNot tuned, not in this table: ").append(Escape.markdown(String.join("; ", fixed)))
                    .append(", whose rate the suite fixes (its overrides, listed at the top, say why).\n");
        }
    }

    /** "0.9123", "0.4561 (1 DIVERGED)", "2 DIVERGED": the mean, or the statuses when no seed scored. */
    private static String trial(Tuning.Trial x) {
        if (x.failed() == 0) {
            return Format.fixed(x.meanMetric(), 4);
        }
        if (x.failed() == x.seeds()) {
            return x.failures();
        }
        return Format.fixed(x.meanMetric(), 4) + " (" + x.failures() + ")";
    }
}
