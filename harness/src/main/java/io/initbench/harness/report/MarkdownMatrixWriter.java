package io.initbench.harness.report;

import io.initbench.harness.output.Escape;
import io.initbench.harness.output.Format;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.DatasetProvenance;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.TrainingSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Pivot tables: initializer rows × activation columns, one pair of tables (final accuracy, samples to
 * target) per dataset × architecture × depth × width × bias init × BatchNorm setting, then the paired,
 * Holm-corrected ranking. Each table cell aggregates the seeds; cells that did not end OK are counted in
 * front of the entry, never averaged in (the rules are {@link StatsText#RULES}).
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
        Provenance.Software sw = p.software();
        out.append("- run: `").append(p.run().runId()).append("`, commit `").append(shortCommit(sw.gitCommit()))
                .append(sw.gitDirty() ? " (dirty)" : "").append("`, ").append(sw.backend()).append(", ")
                .append(Escape.markdown(p.machine().cpuModel())).append(", ")
                .append(Integer.toString(p.run().workers())).append(" workers × ")
                .append(Integer.toString(p.run().threadsPerWorker())).append(" native thread(s)\n");
        out.append("- training: ").append(t.optimizer().name()).append(" lr ").append(Format.rates(run.suite()))
                .append(", batch ").append(Integer.toString(t.batchSize())).append(", ")
                .append(Integer.toString(t.epochs())).append(" epoch(s), train ")
                .append(t.trainSize() == 0 ? "all" : Integer.toString(t.trainSize())).append(" / validation ")
                .append(t.validationSize() == 0 ? "none (curve on the test split)" : Integer.toString(t.validationSize()))
                .append(" / test ")
                .append(t.testSize() == 0 ? "all" : Integer.toString(t.testSize())).append(" (data seed ")
                .append(Long.toString(t.dataSeed())).append("), evaluation every ")
                .append(t.evalEvery() == 0 ? "epoch" : t.evalEvery() + " iterations").append(", target accuracy ")
                .append(Format.fixed(t.targetAccuracy(), 3)).append('\n');
        for (String o : Format.overrides(run.suite())) {
            out.append("- override: ").append(Escape.markdown(o)).append('\n');
        }
        TuningReport.budget(run, out);
        for (DatasetProvenance d : p.datasets()) {
            out.append("- data: ").append(d.dataset()).append('/').append(d.file()).append(" sha256 `")
                    .append(d.sha256(), 0, 12).append("…`").append(d.official() ? "" : " **NOT OFFICIAL**")
                    .append('\n');
        }
        out.append('\n').append(StatsText.rules(StatsText.curveSplit(t))).append('\n');

        io.initbench.harness.stats.RunStatistics stats = ComparisonTables.statistics(run);
        Map<TableGroup, List<CellRecord>> groups = TableGroup.split(run.cells());
        for (var g : groups.entrySet()) {
            out.append("\n## ").append(g.getKey().title()).append("\n\n");
            out.append("Final test accuracy: mean ± 95% CI over the OK seeds; k/n OK in front when not every seed"
                    + " ended OK\n\n");
            table(out, g.getValue(), StatsText::accuracyEntry);
            out.append('\n').append(StatsText.speedCaption(g.getValue())).append("\n\n");
            boolean uniform = StatsText.uniformGrid(g.getValue());
            table(out, g.getValue(), rs -> StatsText.speedEntry(rs, !uniform));
            out.append("\nStep-0 gradient norm, first weight layer ÷ output layer (geometric mean over seeds): a ratio"
                    + " between layers, blind to a gradient equally small or large everywhere and shifted by layer"
                    + " shapes (conv layers); the absolute judgement is the next table\n\n");
            table(out, g.getValue(), StatsText::gradientRatioEntry);
            out.append("\n").append(ScaleText.CAPTION).append("\n\n");
            table(out, g.getValue(), ScaleText::entry);
            out.append("\nDistinct units after training, fewest in any hidden layer (worst seed) / width"
                    + " (1 = the layer collapsed to a single unit)\n\n");
            table(out, g.getValue(), StatsText::distinctEntry);
            statsTable(out, ComparisonTables.ranking(stats, g.getValue()));
            statsTable(out, ComparisonTables.comparisons(stats, g.getValue()));
        }
        StatsText.StatsTable bn = ComparisonTables.batchNorm(stats);
        if (bn != null) {
            out.append("\n## BatchNorm off vs on\n");
            statsTable(out, bn);
        }
        TuningReport.choices(run, out);
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

    /** A table of paired comparisons (the rankings, BatchNorm off vs on); nothing when it is null. */
    private static void statsTable(Appendable out, StatsText.StatsTable t) throws IOException {
        if (t == null) {
            return;
        }
        out.append('\n').append(t.caption()).append("\n\n|");
        for (String h : t.header()) {
            out.append(' ').append(h).append(" |");
        }
        out.append("\n|");
        for (int i = 0; i < t.header().size(); i++) {
            out.append(t.text().contains(i) ? "---|" : "---:|");
        }
        out.append('\n');
        for (List<String> row : t.rows()) {
            out.append('|');
            for (String v : row) {
                out.append(' ').append(Escape.markdown(v)).append(" |");
            }
            out.append('\n');
        }
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
