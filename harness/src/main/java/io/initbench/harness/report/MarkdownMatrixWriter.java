package io.initbench.harness.report;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.DatasetProvenance;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.Status;
import io.initbench.harness.stats.Ranking;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import io.initbench.harness.spec.TrainingSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Pivot tables: initializer rows × activation columns, one pair of tables (final accuracy, samples to
 * target) per dataset × architecture × depth × width × bias init × BatchNorm setting. Each table cell
 * aggregates the seeds; cells that did not end OK are named in the table, never averaged in silently.
 */
public final class MarkdownMatrixWriter implements ReportWriter {

    @Override
    public void write(RunResults run, Appendable out) throws IOException {
        Provenance p = run.provenance();
        TrainingSettings t = run.suite().training();
        out.append("# ").append(Escape.markdown(run.suite().name())).append(" — results matrix\n\n");
        if (!run.suite().description().isBlank()) {
            out.append(Escape.markdown(run.suite().description().strip())).append("\n\n");
        }
        out.append("- run: `").append(p.runId()).append("`, commit `").append(shortCommit(p.gitCommit()))
                .append(p.gitDirty() ? " (dirty)" : "").append("`, ").append(p.backend()).append(", ")
                .append(Escape.markdown(p.cpuModel())).append(", ").append(Integer.toString(p.workers())).append(" workers × ")
                .append(Integer.toString(p.threadsPerWorker())).append(" native thread(s)\n");
        out.append("- training: ").append(t.optimizer().name()).append(" lr ").append(fmt(t.learningRate(), 4))
                .append(", batch ").append(Integer.toString(t.batchSize())).append(", ")
                .append(Integer.toString(t.epochs())).append(" epoch(s), train ")
                .append(t.trainSize() == 0 ? "all" : Integer.toString(t.trainSize())).append(" / test ")
                .append(t.testSize() == 0 ? "all" : Integer.toString(t.testSize())).append(", target accuracy ")
                .append(fmt(t.targetAccuracy(), 3)).append('\n');
        for (DatasetProvenance d : p.datasets()) {
            out.append("- data: ").append(d.dataset()).append('/').append(d.file()).append(" sha256 `")
                    .append(d.sha256(), 0, 12).append("…`").append(d.official() ? "" : " **NOT OFFICIAL**")
                    .append('\n');
        }
        out.append("\nEach entry aggregates the seeds of one configuration: mean ± half-width of the 95% Student-t"
                + " confidence interval (no interval with one seed). Accuracy: final test accuracy of the seeds that"
                + " finished. Speed: training samples until the test accuracy first reached the target; a seed that"
                + " never reached it (or diverged first) counts as the full budget, as in DeepOBS. DIVERGED = loss or"
                + " weights became NaN/Inf, SKIPPED = DL4J cannot build the combination (reasons below).\n");

        Map<TableGroup, List<CellRecord>> groups = TableGroup.split(run.cells());
        for (var g : groups.entrySet()) {
            out.append("\n## ").append(g.getKey().title()).append("\n\n");
            out.append("Final test accuracy (mean ± 95% CI over seeds)\n\n");
            table(out, g.getValue(), MarkdownMatrixWriter::accuracyEntry);
            out.append("\nTraining samples until test accuracy ≥ ").append(fmt(t.targetAccuracy(), 3))
                    .append(" (mean ± 95% CI, never reached = full budget; — = no seed reached it)\n\n");
            table(out, g.getValue(), rs -> speedEntry(rs));
            out.append("\nStep-0 gradient norm, first weight layer ÷ output layer (geometric mean over seeds;"
                    + " ≪ 1 vanishing, ≫ 1 exploding)\n\n");
            table(out, g.getValue(), MarkdownMatrixWriter::gradientRatioEntry);
            out.append("\nDistinct units after training, fewest in any hidden layer (worst seed) / width"
                    + " (1 = the layer collapsed to a single unit)\n\n");
            table(out, g.getValue(), MarkdownMatrixWriter::distinctEntry);
            ranking(out, g.getValue());
        }
        List<CellRecord> notOk = run.cells().stream().filter(r -> r.status() != Status.OK).toList();
        if (!notOk.isEmpty()) {
            out.append("\n## Cells that did not finish OK\n\n| cell | configuration | status | reason |\n|---|---|---|---|\n");
            for (CellRecord r : notOk) {
                out.append("| `").append(r.cellId()).append("` | ").append(Escape.markdown(r.cell().label())).append(" | ")
                        .append(r.status().name()).append(" | ").append(escape(Objects.toString(r.reason(), "")))
                        .append(" |\n");
            }
        }
    }

    private static void table(Appendable out, List<CellRecord> records, Function<List<CellRecord>, String> entry)
            throws IOException {
        Set<String> inits = TableGroup.inits(records);
        Set<String> acts = TableGroup.activations(records);
        out.append("| weightInit |");
        for (String a : acts) {
            out.append(' ').append(a).append(" |");
        }
        out.append("\n|---|");
        acts.forEach(a -> append(out, "---:|"));
        out.append('\n');
        for (String init : inits) {
            out.append("| ").append(Escape.markdown(init)).append(" |");
            for (String act : acts) {
                List<CellRecord> seeds = TableGroup.seeds(records, init, act);
                out.append(' ').append(seeds.isEmpty() ? "" : entry.apply(seeds)).append(" |");
            }
            out.append('\n');
        }
    }

    static String accuracyEntry(List<CellRecord> seeds) {
        Summary acc = SeedGroup.of(seeds).get(0).accuracy();
        String marks = marks(seeds);
        if (acc == null) {
            return marks.isEmpty() ? "—" : marks;
        }
        String mean = withCi(acc, v -> fmt(v, 4));
        return marks.isEmpty() ? mean : mean + " (" + marks + ")";
    }

    static String speedEntry(List<CellRecord> seeds) {
        SeedGroup g = SeedGroup.of(seeds).get(0);
        Summary speed = g.samplesToTarget();
        if (speed == null || g.reachedTarget() == 0) {
            return "—";
        }
        String mean = withCi(speed, MarkdownMatrixWriter::human);
        return g.reachedTarget() == g.trainedCount() ? mean : mean + " (" + g.reachedTarget() + "/"
                + g.trainedCount() + " reached)";
    }

    private static String withCi(Summary s, java.util.function.DoubleFunction<String> f) {
        return s.halfWidth() == null ? f.apply(s.mean()) : f.apply(s.mean()) + " ± " + f.apply(s.halfWidth());
    }

    /** Per activation: initializers by mean accuracy, each tested against the best. */
    private static void ranking(Appendable out, List<CellRecord> records) throws IOException {
        List<Ranking.Family> families = Ranking.of(SeedGroup.of(records));
        if (families.stream().allMatch(f -> f.entries().stream().allMatch(e -> e.rank() == null))) {
            return;
        }
        out.append("\nRanking by mean final accuracy per activation; p = Welch's t-test against the best (two-sided,"
                + " no multiple-comparison correction; * = worse at p < 0.05; blank = fewer than 2 finished seeds)\n\n");
        out.append("| activation | rank | weightInit | accuracy | p vs best |\n|---|---:|---|---:|---:|\n");
        for (Ranking.Family f : families) {
            for (Ranking.Entry e : f.entries()) {
                if (e.rank() == null) {
                    continue;
                }
                out.append("| ").append(f.representative().activation().name()).append(" | ")
                        .append(Integer.toString(e.rank())).append(" | ")
                        .append(Escape.markdown(e.group().config().weightInit().label())).append(" | ")
                        .append(withCi(e.group().accuracy(), v -> fmt(v, 4))).append(" | ")
                        .append(e.pValue() == null ? "" : String.format(Locale.ROOT, "%.3g", e.pValue())
                                + (Boolean.TRUE.equals(e.worseThanBest()) ? " *" : "")).append(" |\n");
            }
        }
    }

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
        return String.format(Locale.ROOT, "%.3g", Math.exp(ratios.stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow()));
    }

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

    /** "**DIVERGED** 2/3, SKIPPED 1/3" for the seeds that did not end OK. */
    private static String marks(List<CellRecord> seeds) {
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (CellRecord r : seeds) {
            if (r.status() != Status.OK) {
                counts.merge(r.status(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, c) -> parts.add((s == Status.DIVERGED || s == Status.ERROR ? "**" + s + "**" : s.name())
                + (seeds.size() > 1 ? " " + c + "/" + seeds.size() : "")));
        return String.join(", ", parts);
    }

    static String human(double samples) {
        if (samples >= 1e6) {
            return fmt(samples / 1e6, 2) + "M";
        }
        if (samples >= 1e3) {
            return fmt(samples / 1e3, 1) + "k";
        }
        return fmt(samples, 0);
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String shortCommit(String c) {
        return c.length() > 12 ? c.substring(0, 12) : c;
    }

    private static String escape(String s) {
        return Escape.markdown(s);
    }

    private static void append(Appendable out, String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
