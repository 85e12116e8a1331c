package io.initbench.harness.report;

import io.initbench.harness.output.Format;
import io.initbench.harness.output.Xml;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.stats.RunStatistics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, no network) with, per
 * panel (dataset × architecture × depth × width × bias × BatchNorm), heatmaps of mean final accuracy and
 * of convergence speed with a colour bar that states their scale ({@link ColorScale}), learning curves
 * with the 95% confidence band of the tables (BatchNorm off and on of the same configuration overlaid,
 * solid and dashed), the step-0 gradient RMS of every
 * weight layer with a caption computed from it, and the matrix tables. Every chart has axis
 * titles; an initializer has the same colour in every chart ({@link Svg#initColor}); a series that
 * cannot be drawn has no legend entry and is named under its chart with the reason.
 * <p>
 * This class assembles the page; each section is drawn by its own class: {@link HtmlHeader} (head and
 * provenance), {@link HtmlHeatmap} on a {@link HeatmapScale}, {@link HtmlCurves}, {@link HtmlGradientByDepth}
 * and {@link HtmlTables}, the charts on a {@link PlotFrame}.
 */
public final class HtmlReportWriter implements ReportWriter {
    static final int PLOT_H = PlotFrame.PLOT_H;

    private final ColorScale colorScale;

    /** The report with the default colour scale. */
    public HtmlReportWriter() {
        this(ColorScale.parse(null));
    }

    public HtmlReportWriter(ColorScale colorScale) {
        this.colorScale = Objects.requireNonNull(colorScale);
    }

    /** What every panel of one run shares: the heatmap scales, the statistics, the panels and their order. */
    private record Page(HeatmapScale accScale, HeatmapScale runSpeed, RunStatistics stats,
                        Map<TableGroup, List<CellRecord>> panels, List<TableGroup> order, String split) {
    }

    @Override
    public void write(RunResults run, Appendable out) throws IOException {
        HtmlHeader.write(run, colorScale, out);
        Map<TableGroup, List<CellRecord>> panels = TableGroup.split(run.cells());
        Page page = new Page(HeatmapScale.forAccuracy(colorScale, run.cells()),
                colorScale == ColorScale.RUN ? HeatmapScale.runSpeed(run.cells()) : null,
                ComparisonTables.statistics(run), panels, new ArrayList<>(panels.keySet()),
                StatsText.curveSplit(run.suite().training()));
        for (var e : panels.entrySet()) {
            panel(out, page, e.getKey(), e.getValue());
        }
        StatsText.StatsTable bn = ComparisonTables.batchNorm(page.stats());
        if (bn != null) {
            out.append("<h2>BatchNorm off vs on</h2>\n");
            HtmlTables.statsTable(out, bn);
        }
        HtmlTables.notOk(out, run.cells());
        out.append("</body></html>\n");
    }

    /** One panel: its heatmaps, learning curves (or a link to its BatchNorm pair's), gradients and tables. */
    private static void panel(Appendable out, Page page, TableGroup key, List<CellRecord> records)
            throws IOException {
        int index = page.order().indexOf(key);
        out.append("<h2 id=\"panel-").append(Integer.toString(index + 1)).append("\">")
                .append(Xml.escape(key.title())).append("</h2>\n<div class=\"row\">\n");
        HtmlHeatmap.write(out, records, "Mean final test accuracy (OK seeds)",
                g -> g.accuracy() == null ? null : g.accuracy().mean(), v -> Format.fixed(v, 4), page.accScale());
        long budget = records.stream().mapToLong(r -> r.cell().sampleBudget()).max().orElse(1);
        HtmlHeatmap.write(out, records, "Median samples to target (budget " + Format.human(budget) + ")",
                g -> g.convergence().median(), Format::human,
                page.runSpeed() != null ? page.runSpeed() : HeatmapScale.fixedSpeed(budget));
        out.append("</div>\n");
        curves(out, page, key, index, records);
        out.append("</div>\n<h3>Step 0: gradient RMS per weight layer, first layer to output layer"
                + " (log scale, absolute values)</h3>\n<div class=\"row\">\n");
        for (String act : TableGroup.activations(records)) {
            HtmlGradientByDepth.write(out, records, act);
        }
        out.append("</div>\n<h3>Tables</h3>\n");
        tables(out, page, records);
    }

    /**
     * The panel's learning curves, with its BatchNorm pair's overlaid; the later panel of a pair links to
     * the earlier one instead. Leaves a row open: the gradient section closes it.
     */
    private static void curves(Appendable out, Page page, TableGroup key, int index, List<CellRecord> records)
            throws IOException {
        TableGroup pairKey = key.withBatchNorm(!key.bn());
        int pair = page.order().indexOf(pairKey);
        if (pair >= 0 && pair < index) {
            // the row's closing tag is the gradient section's opening line
            out.append("<div class=\"row\"><p class=\"meta\">Learning curves: BatchNorm off and on overlaid, under"
                    + " <a href=\"#panel-")
                    .append(Integer.toString(pair + 1)).append("\">").append(Xml.escape(pairKey.title()))
                    .append("</a>.</p>\n");
            return;
        }
        List<CellRecord> both = new ArrayList<>(records);
        if (pair >= 0) {
            both.addAll(page.panels().get(pairKey));
        }
        out.append("<h3>Learning curves: mean ").append(page.split())
                .append(" accuracy over seeds, band = 95% CI of the mean (Student-t)")
                .append(pair >= 0 ? "; BatchNorm off solid, on dashed" : "").append("</h3>\n<div class=\"row\">\n");
        for (String act : TableGroup.activations(records)) {
            HtmlCurves.write(out, both, act, pair >= 0, page.split());
        }
    }

    /** The panel's matrix tables, then its ranking and comparisons. */
    private static void tables(Appendable out, Page page, List<CellRecord> records) throws IOException {
        HtmlTables.table(out, records, "Final test accuracy: mean ± 95% CI over the OK seeds; k/n OK in front when"
                + " not every seed ended OK", StatsText::accuracyEntry);
        boolean uniform = StatsText.uniformGrid(records);
        HtmlTables.table(out, records, StatsText.speedCaption(records),
                rs -> StatsText.speedEntry(rs, !uniform));
        HtmlTables.table(out, records, "Step-0 gradient norm, first ÷ output layer", StatsText::gradientRatioEntry);
        HtmlTables.table(out, records, ScaleText.CAPTION, ScaleText::entry);
        HtmlTables.table(out, records, "Distinct units after training (fewest / width)", StatsText::distinctEntry);
        HtmlTables.statsTable(out, ComparisonTables.ranking(page.stats(), records));
        HtmlTables.statsTable(out, ComparisonTables.comparisons(page.stats(), records));
    }
}
