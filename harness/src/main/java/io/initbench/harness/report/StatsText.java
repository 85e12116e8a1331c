package io.initbench.harness.report;

import io.initbench.harness.output.Format;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.TrainingSettings;
import io.initbench.harness.stats.Convergence;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statistics as words and table entries, shared by {@code matrix.md} and {@code report.html} so that
 * both say the same thing. Markdown bold ({@code **}) marks what must not be overlooked; the HTML writer
 * turns it into its own emphasis.
 */
final class StatsText {
    private StatsText() {
    }

    /**
     * The rules every accuracy and speed entry follows, stated once at the top of a report; {@code split} is
     * the split the learning curve and target-reaching use ("validation", or "test" where a suite has no
     * validation split).
     */
    static String rules(String split) {
        return "Each entry aggregates the seeds of one configuration. Status comes first: a"
            + " configuration whose seeds did not all end OK shows k/n OK and what the others did (DIVERGED = loss"
            + " or weights became NaN/Inf, TIMEOUT = wall-time budget ran out, ERROR = exception, SKIPPED = DL4J"
            + " cannot build the combination; reasons below). Accuracy is the mean final test accuracy of the OK"
            + " seeds only, ± the half-width of its 95% Student-t interval (none with one seed): a diverged seed has"
            + " no accuracy and a timed-out seed's accuracy is from a shorter training, so neither is averaged in;"
            + " such a mean is marked by the k/n OK in front of it, and the ranking puts its configuration after every"
            + " configuration whose seeds all ended OK. Speed is the median number of training samples until the"
            + " " + split + " accuracy first reached the target, with k/n seeds that reached it; seeds that did not"
            + " are censored (Kaplan–Meier).";
    }

    /** The split a cell's learning curve and target-reaching are measured on. */
    static String curveSplit(TrainingSettings training) {
        return training.validationSize() == 0 ? "test" : "validation";
    }

    static String accuracyEntry(List<CellRecord> seeds) {
        SeedGroup g = SeedGroup.of(seeds).get(0);
        Summary acc = g.accuracy();
        String mean = acc == null ? null : withCi(acc, 4);
        if (g.allOk()) {
            return mean == null ? "—" : mean;
        }
        String status = alarming(g) ? "**" + g.statusLabel() + "**" : g.statusLabel();
        return mean == null ? status : status + " · " + mean;
    }

    /** DIVERGED, TIMEOUT and ERROR are failures of training; SKIPPED is a known gap of the grid. */
    static boolean alarming(SeedGroup g) {
        return g.count(Status.DIVERGED) + g.count(Status.TIMEOUT) + g.count(Status.ERROR) > 0;
    }

    /**
     * "51.2k · 3/3", "68.2k · 2/3 (KM)", "— · 1/3"; with {@code withStep} the evaluation step and budget
     * follow (when they are not the same for the whole table, so the caption cannot state them).
     */
    static String speedEntry(List<CellRecord> seeds, boolean withStep) {
        SeedGroup g = SeedGroup.of(seeds).get(0);
        Convergence c = g.convergence();
        if (c.trained() == 0) {
            return "—";
        }
        Double median = c.median();
        String s = (median == null ? "—" : Format.human(median)) + " · " + c.reached() + "/" + c.trained()
                + (median != null && c.censored() ? " (KM)" : "");
        return withStep ? s + " (step " + Format.human(c.step()) + " of " + Format.human(c.budget()) + ")" : s;
    }

    /** Whether the records of one table share one evaluation step and budget (then the caption gives them). */
    static boolean uniformGrid(List<CellRecord> records) {
        Set<String> grids = new TreeSet<>();
        records.forEach(r -> grids.add(SeedGroup.evaluationStep(r.cell()) + "/" + r.cell().sampleBudget()));
        return grids.size() <= 1;
    }

    /** The caption of a speed table; the target is its cells' own (an override may give a panel another). */
    static String speedCaption(List<CellRecord> records) {
        CellRecord any = records.get(0);
        String grid = uniformGrid(records)
                ? " Budget " + Format.human(any.cell().sampleBudget()) + " samples, evaluated every "
                + Format.human(SeedGroup.evaluationStep(any.cell())) + " samples: every value lies on that grid, so no ±"
                + " is given and medians less than one step apart are not different."
                : " Each entry gives its evaluation step and budget: every value lies on that grid, so no ± is given"
                + " and medians less than one step apart are not different.";
        return "Training samples until " + curveSplit(any.cell().training()) + " accuracy ≥ "
                + Format.fixed(any.cell().training().targetAccuracy(), 3) + ": median over seeds · k/n seeds that"
                + " reached it. Where some did not, they are censored — at the budget when they never reached it or"
                + " diverged, at their last evaluation when they timed out — and the median is Kaplan–Meier's (KM):"
                + " the first evaluation by which half the seeds are estimated to have reached it; — = fewer than"
                + " half did." + grid;
    }

    /**
     * A table of paired comparisons, ready to be rendered as Markdown or HTML.
     *
     * @param text the columns holding words (left-aligned); the others hold numbers
     */
    record StatsTable(String caption, List<String> header, List<List<String>> rows, Set<Integer> text) {
    }

    /** The step-0 gradient ratio (first ÷ output layer) of a configuration: geometric mean over its seeds. */
    static String gradientRatioEntry(List<CellRecord> seeds) {
        List<Double> ratios = new ArrayList<>();
        for (CellRecord r : seeds) {
            Double g = r.diagnostics().gradientRatio();
            if (g != null && g > 0 && Double.isFinite(g)) {
                ratios.add(Math.log(g));
            }
        }
        if (ratios.isEmpty()) {
            return "—";
        }
        return Format.significant(Math.exp(ratios.stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow()), 3);
    }

    /** The fewest distinct units of any seed after training, over that layer's width. */
    static String distinctEntry(List<CellRecord> seeds) {
        Integer worst = null;
        Integer width = null;
        for (CellRecord r : seeds) {
            Integer d = r.diagnostics().minDistinctUnits();
            if (d != null && (worst == null || d < worst)) {
                worst = d;
                width = r.diagnostics().layerWidths().get(r.diagnostics().distinctUnits().indexOf(d));
            }
        }
        return worst == null ? "—" : worst + "/" + width;
    }

    /** "0.9535 ± 0.0161": mean ± half-width of the 95% interval, or the mean alone with one value. */
    static String withCi(Summary s, int decimals) {
        String mean = Format.fixed(s.mean(), decimals);
        return s.halfWidth() == null ? mean : mean + " ± " + Format.fixed(s.halfWidth(), decimals);
    }

    /** "−0.0065 ± 0.0064": a signed difference ± the half-width of its interval. */
    static String differenceWithCi(Summary s, int decimals) {
        String mean = signed(s.mean(), decimals);
        return s.halfWidth() == null ? mean : mean + " ± " + Format.fixed(s.halfWidth(), decimals);
    }

    static String p(double p) {
        return Format.significant(p, 3);
    }

    static String signed(double v, int decimals) {
        return (v > 0 ? "+" : v < 0 ? "−" : "") + Format.fixed(Math.abs(v), decimals);
    }
}
