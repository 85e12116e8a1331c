package io.initbench.harness.report;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.DatasetProvenance;
import io.initbench.harness.diagnostics.GradientTrend;
import io.initbench.harness.result.LayerScale;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.TrainingSettings;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, no network) with, per
 * panel (dataset × architecture × depth × width × bias × BatchNorm), heatmaps of mean final accuracy and
 * of convergence speed with a colour bar that states their scale ({@link ColorScale}), learning curves
 * with the 95% confidence band of the tables (BatchNorm off and on of the same configuration overlaid,
 * solid and dashed), the step-0 gradient RMS of every
 * weight layer with a caption computed from it, and the matrix tables. Every chart has axis
 * titles; an initializer has the same colour in every chart ({@link Svg#initColor}); a series that
 * cannot be drawn has no legend entry and is named under its chart with the reason.
 */
public final class HtmlReportWriter implements ReportWriter {
    private static final int CELL_W = 120;
    private static final int CELL_H = 30;
    private static final int LABEL_W = 170;
    private static final int PLOT_W = 440;
    static final int PLOT_H = 250;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#222;max-width:1400px}
            h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.05em}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:.9em}
            td.num{text-align:right;font-variant-numeric:tabular-nums}.meta{font-size:.9em;color:#444}
            .row{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}.bad{color:#b00020;font-weight:600}
            svg text{font-family:system-ui,sans-serif;font-size:11px}svg .t{font-size:12px;font-weight:600}
            .warn{background:#fff3cd;border:1px solid #e0c060;padding:6px 10px}
            svg .ax{font-size:11px;fill:#444}figure{margin:0}figcaption{font-size:.85em;color:#555;max-width:640px}
            caption{text-align:left;min-width:36em;max-width:72em;padding-bottom:4px}
            """;

    private final ColorScale colorScale;

    /** The report with the default colour scale. */
    public HtmlReportWriter() {
        this(ColorScale.parse(null));
    }

    public HtmlReportWriter(ColorScale colorScale) {
        this.colorScale = Objects.requireNonNull(colorScale);
    }

    @Override
    public void write(RunResults run, Appendable out) throws IOException {
        Provenance p = run.provenance();
        TrainingSettings t = run.suite().training();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Xml.escape(run.suite().name())).append(" — initbench report</title>\n<style>").append(CSS)
                .append("</style></head><body>\n");
        out.append("<h1>").append(Xml.escape(run.suite().name())).append(" — initbench report</h1>\n");
        if (!run.suite().description().isBlank()) {
            out.append("<p>").append(Xml.escape(run.suite().description().strip())).append("</p>\n");
        }
        Provenance.Software sw = p.software();
        Provenance.Machine machine = p.machine();
        out.append("<ul class=\"meta\"><li>run <code>").append(Xml.escape(p.run().runId())).append("</code>, commit <code>")
                .append(Xml.escape(sw.gitCommit())).append(sw.gitDirty() ? " (dirty)" : "").append("</code>, ")
                .append(Xml.escape(sw.backend())).append(machine.gpu() == null ? "" : " " + Xml.escape(machine.gpu()))
                .append(", ").append(Xml.escape(machine.cpuModel())).append(", ")
                .append(Integer.toString(p.run().workers())).append(" workers × ")
                .append(Integer.toString(p.run().threadsPerWorker())).append(" native thread(s), ")
                .append(Xml.escape(sw.jvm())).append("</li>\n<li>training: ").append(t.optimizer().name())
                .append(" lr ").append(Format.rates(run.suite())).append(", batch ")
                .append(Integer.toString(t.batchSize())).append(", ").append(Integer.toString(t.epochs()))
                .append(" epoch(s), target accuracy ").append(Format.fixed(t.targetAccuracy(), 3))
                .append("</li>\n");
        for (DatasetProvenance d : p.datasets()) {
            out.append("<li>data: ").append(Xml.escape(d.dataset() + "/" + d.file())).append(" sha256 <code>")
                    .append(Xml.escape(d.sha256())).append("</code>")
                    .append(d.official() ? "" : " <span class=\"bad\">NOT OFFICIAL</span>").append("</li>\n");
        }
        out.append("<li><a href=\"../index.html\">all runs of this suite</a> (when the run lives in"
                + " results/&lt;suite&gt;/)</li></ul>\n");
        String split = StatsText.curveSplit(t);
        out.append("<p class=\"meta\">").append(Xml.escape(StatsText.rules(split))).append(" In the heatmaps, k/n OK follows the"
                + " value where not every seed ended OK, and a red outline marks DIVERGED (NaN/Inf) seeds; the colour"
                + " bar under each heatmap states its scale (").append(switch (colorScale) {
                    case ERROR -> "accuracy by its error on a log scale, fixed: the same in every report";
                    case FIXED -> "fixed, 0 to 1, the same in every report";
                    case RUN -> "this run's range: small differences look large";
                }).append("; <code>-D").append(ColorScale.OPTION).append("=error|fixed|run</code>). The learning-curve band is"
                + " the 95% confidence interval of the mean over seeds (Student-t), as in the tables.</p>\n");

        Scale accScale = accuracyScale(run.cells());
        Scale runSpeed = colorScale == ColorScale.RUN ? runSpeedScale(run.cells()) : null;
        io.initbench.harness.stats.RunStatistics stats = ComparisonTables.statistics(run);
        Map<TableGroup, List<CellRecord>> panels = TableGroup.split(run.cells());
        List<TableGroup> order = new ArrayList<>(panels.keySet());
        for (var e : panels.entrySet()) {
            List<CellRecord> records = e.getValue();
            int index = order.indexOf(e.getKey());
            TableGroup pairKey = e.getKey().withBatchNorm(!e.getKey().bn());
            int pair = order.indexOf(pairKey);
            out.append("<h2 id=\"panel-").append(Integer.toString(index + 1)).append("\">")
                    .append(Xml.escape(e.getKey().title())).append("</h2>\n<div class=\"row\">\n");
            heatmap(out, records, "Mean final test accuracy (OK seeds)", g -> g.accuracy() == null ? null : g.accuracy().mean(),
                    v -> Format.fixed(v, 4), accScale);
            long budget = records.stream().mapToLong(r -> r.cell().sampleBudget()).max().orElse(1);
            heatmap(out, records, "Median samples to target (budget " + Format.human(budget) + ")",
                    g -> g.convergence().median(), Format::human,
                    runSpeed != null ? runSpeed : fixedSpeedScale(budget));
            out.append("</div>\n");
            if (pair >= 0 && pair < index) {
                // the row's closing tag is the gradient section's opening line
                out.append("<div class=\"row\"><p class=\"meta\">Learning curves: BatchNorm off and on overlaid, under"
                        + " <a href=\"#panel-")
                        .append(Integer.toString(pair + 1)).append("\">").append(Xml.escape(pairKey.title()))
                        .append("</a>.</p>\n");
            } else {
                List<CellRecord> both = new ArrayList<>(records);
                if (pair >= 0) {
                    both.addAll(panels.get(pairKey));
                }
                out.append("<h3>Learning curves: mean ").append(split)
                        .append(" accuracy over seeds, band = 95% CI of the mean (Student-t)")
                        .append(pair >= 0 ? "; BatchNorm off solid, on dashed" : "").append("</h3>\n<div class=\"row\">\n");
                for (String act : TableGroup.activations(records)) {
                    curves(out, both, act, pair >= 0, split);
                }
            }
            out.append("</div>\n<h3>Step 0: gradient RMS per weight layer, first layer to output layer"
                    + " (log scale, absolute values)</h3>\n<div class=\"row\">\n");
            for (String act : TableGroup.activations(records)) {
                gradientByDepth(out, records, act);
            }
            out.append("</div>\n<h3>Tables</h3>\n");
            table(out, records, "Final test accuracy: mean ± 95% CI over the OK seeds; k/n OK in front when not every"
                    + " seed ended OK", StatsText::accuracyEntry);
            boolean uniform = StatsText.uniformGrid(records);
            table(out, records, StatsText.speedCaption(records, t.targetAccuracy()),
                    rs -> StatsText.speedEntry(rs, !uniform));
            table(out, records, "Step-0 gradient norm, first ÷ output layer", StatsText::gradientRatioEntry);
            table(out, records, ScaleText.CAPTION, ScaleText::entry);
            table(out, records, "Distinct units after training (fewest / width)", StatsText::distinctEntry);
            statsTable(out, ComparisonTables.ranking(stats, records));
            statsTable(out, ComparisonTables.comparisons(stats, records));
        }
        StatsText.StatsTable bn = ComparisonTables.batchNorm(stats);
        if (bn != null) {
            out.append("<h2>BatchNorm off vs on</h2>\n");
            statsTable(out, bn);
        }
        List<CellRecord> notOk = run.cells().stream().filter(r -> r.status() != Status.OK).toList();
        if (!notOk.isEmpty()) {
            out.append("<h2>Cells that did not finish OK</h2>\n<table><tr><th>cell</th><th>configuration</th>"
                    + "<th>status</th><th>reason</th></tr>\n");
            for (CellRecord r : notOk) {
                out.append("<tr><td><code>").append(r.cellId()).append("</code></td><td>")
                        .append(Xml.escape(r.cell().label())).append("</td><td>").append(r.status().name())
                        .append("</td><td>").append(Xml.escape(Objects.toString(r.reason(), ""))).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</body></html>\n");
    }

    /**
     * A colour scale: values in [lo, hi] (logs of samples when {@code log}) spread over viridis; for
     * samples, fewer is better and brighter. {@code statement} is written under the colour bar.
     */
    private record Scale(double lo, double hi, boolean log, String statement, Function<Double, String> tick,
                         HeatScale accuracy) {
        Scale(double lo, double hi, boolean log, String statement, Function<Double, String> tick) {
            this(lo, hi, log, statement, tick, null);
        }

        /** Position in [0, 1] on viridis, bright = good. */
        double t(double v) {
            if (accuracy != null) {
                return accuracy.position(v);
            }
            return log ? 1 - (Math.log(Math.max(v, 1)) - lo) / (hi - lo) : (v - lo) / (hi - lo);
        }

        String tickAt(double f) {
            if (accuracy != null) {
                return tick.apply(accuracy.valueAt(f));
            }
            double v = lo + f * (hi - lo);
            return tick.apply(log ? Math.exp(v) : v);
        }
    }

    private Scale accuracyScale(List<CellRecord> records) {
        Function<Double, String> tick = v -> Format.fixed(v, 2);
        if (colorScale == ColorScale.ERROR) {
            HeatScale e = HeatScale.ERROR_LOG;
            return new Scale(0, 1, false, e.statement(), v -> Format.fixed(v, 2), e);
        }
        if (colorScale == ColorScale.FIXED) {
            return new Scale(0, 1, false, "colour: accuracy on a fixed scale, 0 to 1", tick);
        }
        double lo = 1;
        double hi = 0;
        for (SeedGroup g : SeedGroup.of(records)) {
            Summary s = g.accuracy();
            if (s != null) {
                lo = Math.min(lo, s.mean());
                hi = Math.max(hi, s.mean());
            }
        }
        if (lo >= hi) {
            lo = Math.max(0, hi - 0.1);
            hi = Math.max(hi, 0.1);
        }
        return new Scale(lo, hi, false, "colour: accuracy over this run's range, " + Format.fixed(lo, 4)
                + " to " + Format.fixed(hi, 4), v -> Format.fixed(v, 3));
    }

    private static Scale fixedSpeedScale(long budget) {
        return new Scale(Math.log(Math.max(1, budget / 100.0)), Math.log(budget), true,
                "colour: log scale fixed at budget/100 to budget; grey = not reached", Format::human);
    }

    /** Log scale over the medians of the configurations that reached the target; null if none did. */
    private static Scale runSpeedScale(List<CellRecord> records) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SeedGroup g : SeedGroup.of(records)) {
            Double m = g.reachedTarget() == 0 ? null : g.convergence().median();
            if (m != null) {
                lo = Math.min(lo, Math.log(Math.max(1, m)));
                hi = Math.max(hi, Math.log(Math.max(1, m)));
            }
        }
        if (lo > hi) {
            return null;
        }
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        return new Scale(lo, hi, true, "colour: log scale over this run's medians; grey = not reached",
                Format::human);
    }

    /** Initializer rows × activation columns; colour from {@code scale}, value as text in each cell. */
    private static void heatmap(Appendable out, List<CellRecord> records, String title,
                                Function<SeedGroup, Double> value, Function<Double, String> label, Scale scale)
            throws IOException {
        Set<String> inits = TableGroup.inits(records);
        Set<String> acts = TableGroup.activations(records);
        int top = 54;
        int barY = top + CELL_H * inits.size() + 8;
        int w = Math.max(LABEL_W + CELL_W * acts.size() + 10, 440);
        int h = barY + 52;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\""
                + h + "\" role=\"img\" class=\"heatmap\">");
        s.append(Svg.text(4, 14, "start", "t", title));
        s.append(Svg.text(LABEL_W + CELL_W * acts.size() / 2.0, 30, "middle", "ax", "activation"));
        s.append(Svg.text(LABEL_W - 6, 46, "end", "ax", "weight initializer"));
        int c = 0;
        for (String act : acts) {
            s.append(Svg.text(LABEL_W + CELL_W * c + CELL_W / 2.0, 46, "middle", null, act));
            c++;
        }
        int r = 0;
        for (String init : inits) {
            double y = top + CELL_H * r;
            s.append(Svg.text(LABEL_W - 6, y + CELL_H / 2.0 + 4, "end", null, init));
            c = 0;
            for (String act : acts) {
                double x = LABEL_W + CELL_W * c;
                List<CellRecord> seeds = TableGroup.seeds(records, init, act);
                SeedGroup g = seeds.isEmpty() ? null : SeedGroup.of(seeds).get(0);
                Double v = g == null ? null : value.apply(g);
                if (v != null && scale.log() && g.reachedTarget() == 0) {
                    v = null; // never reached: grey, "—"
                }
                double tNorm = v == null ? 0 : scale.t(v);
                String fill = v == null ? "#dddddd" : Svg.viridis(tNorm);
                int diverged = g == null ? 0 : g.count(Status.DIVERGED);
                s.append("<rect x=\"").append(Svg.n(x)).append("\" y=\"").append(Svg.n(y)).append("\" width=\"")
                        .append(CELL_W - 2).append("\" height=\"").append(CELL_H - 2).append("\" fill=\"").append(fill)
                        .append('"').append(diverged > 0 ? " stroke=\"#d00000\" stroke-width=\"3\"" : "")
                        .append("><title>").append(Xml.escape(init + " · " + act)).append("</title></rect>");
                String text = g == null ? "" : v == null ? (diverged > 0 ? "DIVERGED" : g.count(Status.SKIPPED)
                        == g.seeds().size() ? "SKIPPED" : "—") : label.apply(v)
                        + (g.allOk() ? "" : " · " + g.okCount() + "/" + g.seeds().size() + " OK");
                s.append("<text x=\"").append(Svg.n(x + CELL_W / 2.0 - 1)).append("\" y=\"")
                        .append(Svg.n(y + CELL_H / 2.0 + 3)).append("\" text-anchor=\"middle\" fill=\"")
                        .append(v == null ? "#333" : Svg.textOn(tNorm)).append("\">").append(Xml.escape(text))
                        .append("</text>");
                c++;
            }
            r++;
        }
        s.append(Svg.colorBar(LABEL_W, barY, CELL_W * acts.size() - 2, scale.tickAt(0), scale.tickAt(0.5),
                scale.tickAt(1), scale.log()));
        s.append(Svg.text(4, barY + 42, "start", "ax", scale.statement()));
        out.append(s).append("</svg>\n");
    }

    /**
     * Accuracy on the curve's split ({@code split}: validation, or test without a validation split) against
     * training samples, one colour per initializer, BatchNorm on dashed when {@code bothBn}; band = 95% CI
     * of the mean over the seeds at each evaluation.
     */
    private static void curves(Appendable out, List<CellRecord> records, String act, boolean bothBn, String split)
            throws IOException {
        double maxX = records.stream().flatMap(r -> r.curve().stream()).mapToDouble(CurvePoint::samples).max()
                .orElse(1);
        double minX = records.stream().flatMap(r -> r.curve().stream()).mapToDouble(CurvePoint::samples)
                .filter(v -> v > 0).min().orElse(1);
        // log x: most of the change happens in the first few thousand samples, which a linear axis
        // squeezes into its first pixels; a curve's point at 0 samples (before training) sits at the left edge
        boolean log = maxX > 10 * minX;
        Frame f = log ? Frame.logX(minX, maxX, 0, 1) : new Frame(maxX <= 0 ? 1 : maxX, 0, 1);
        StringBuilder s = f.open("activation " + act);
        f.axes(s, Format::human, v -> Format.fixed(v, 2), false);
        f.titles(s, log ? "training samples (log scale; the start at the left edge)" : "training samples",
                split + " accuracy");
        List<String> legend = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        boolean[] styles = new boolean[2];
        boolean anyBand = false;
        for (String init : TableGroup.inits(records)) {
            String color = Svg.initColor(init);
            for (boolean bn : new boolean[]{false, true}) {
                List<CellRecord> cells = TableGroup.seeds(records, init, act).stream()
                        .filter(r -> r.cell().batchNorm() == bn).toList();
                if (cells.isEmpty()) {
                    continue;
                }
                String name = init + (bothBn ? bn ? ", BatchNorm on" : ", BatchNorm off" : "");
                Series series = Series.of(cells, f);
                if (series == null) {
                    notDrawn.add(name + " (" + whyNotDrawn(cells) + ")");
                    continue;
                }
                if (series.hasBand()) {
                    s.append(Svg.band(series.xs(), series.lo(), series.hi(), color));
                    anyBand = true;
                }
                if (series.xs().length == 1) {
                    s.append(Svg.circle(series.xs()[0], series.mean()[0], 3, color));
                } else {
                    s.append(Svg.polyline(series.xs(), series.mean(), color, bn && bothBn));
                }
                styles[bn ? 1 : 0] = true;
                if (!legend.contains(init)) {
                    legend.add(init);
                }
            }
        }
        int i = 0;
        for (String init : legend) {
            f.legend(s, i++, init, Svg.initColor(init));
        }
        if (bothBn && styles[0] && styles[1]) {
            i++;
            f.legend(s, i++, "BatchNorm off", "#555", false);
            f.legend(s, i++, "BatchNorm on", "#555", true);
        }
        if (anyBand) {
            f.bandLegend(s, i, "95% CI over seeds");
        }
        out.append("<figure class=\"chart\">").append(s).append("</svg>");
        if (!notDrawn.isEmpty()) {
            out.append("<figcaption>not drawn: ").append(Xml.escape(String.join("; ", notDrawn)))
                    .append("</figcaption>");
        }
        out.append("</figure>\n");
    }

    /** Why a configuration has no curve: "SKIPPED", or its statuses and what is missing. */
    private static String whyNotDrawn(List<CellRecord> cells) {
        SeedGroup g = SeedGroup.of(cells).get(0);
        if (g.count(Status.SKIPPED) == cells.size()) {
            return "SKIPPED";
        }
        boolean anyCurve = cells.stream().anyMatch(r -> !r.curve().isEmpty());
        return g.statusLabel() + (anyCurve ? "; no finite accuracy" : "; no evaluation recorded");
    }

    /** One drawable learning curve in plot coordinates; band present where 2 or more seeds got that far. */
    private record Series(double[] xs, double[] mean, double[] lo, double[] hi, boolean hasBand) {
        static Series of(List<CellRecord> cells, Frame f) {
            // seeds share the evaluation schedule; a diverged or timed-out seed stops early, so each
            // point averages the seeds that were evaluated at that sample count
            SortedMap<Long, List<Double>> bySamples = new TreeMap<>();
            for (CellRecord r : cells) {
                for (CurvePoint p : r.curve()) {
                    Double a = p.accuracy(); // the curve's split
                    if (a != null && Double.isFinite(a)) {
                        bySamples.computeIfAbsent(p.samples(), k -> new ArrayList<>()).add(a);
                    }
                }
            }
            int len = bySamples.size();
            if (len == 0) {
                return null;
            }
            double[] xs = new double[len];
            double[] mean = new double[len];
            double[] lo = new double[len];
            double[] hi = new double[len];
            boolean band = false;
            int k = 0;
            for (var e : bySamples.entrySet()) {
                Summary point = Summary.of(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
                double m = point.mean();
                xs[k] = f.x(e.getKey());
                mean[k] = f.y(m);
                lo[k] = f.y(point.ciLow() == null ? m : Math.max(0, point.ciLow()));
                hi[k] = f.y(point.ciHigh() == null ? m : Math.min(1, point.ciHigh()));
                band |= point.ciLow() != null;
                k++;
            }
            return new Series(xs, mean, lo, hi, band);
        }
    }

    /**
     * log10 of the step-0 gradient RMS of every weight layer (first hidden layer = 1, output layer =
     * last), mean over seeds, with a caption per initializer derived from the plotted values
     * ({@link GradientTrend}). Records written before the RMS was measured are left out.
     */
    private static void gradientByDepth(Appendable out, List<CellRecord> records, String act) throws IOException {
        Map<String, Double[]> series = new LinkedHashMap<>();
        for (String init : TableGroup.inits(records)) {
            List<List<LayerScale>> seeds = TableGroup.seeds(records, init, act).stream()
                    .map(r -> r.diagnostics().stepZeroScale()).filter(l -> !l.isEmpty()).toList();
            int len = seeds.stream().mapToInt(List::size).min().orElse(0);
            if (len == 0) {
                continue;
            }
            Double[] mean = new Double[len];
            for (int k = 0; k < len; k++) {
                int layer = k;
                double[] logs = seeds.stream().map(l -> l.get(layer).gradientRms())
                        .filter(g -> g != null && g > 0).mapToDouble(Math::log10).toArray();
                // exactly 0 in every seed (ZERO init, underflow) is a finding the caption names
                boolean allZero = seeds.stream().allMatch(l -> Double.valueOf(0.0).equals(l.get(layer).gradientRms()));
                mean[k] = logs.length > 0 ? Math.pow(10, Arrays.stream(logs).average().orElseThrow())
                        : allZero ? 0.0 : null;
            }
            series.put(init, mean);
        }
        double lo = series.values().stream().flatMap(Arrays::stream).filter(g -> g != null && g > 0)
                .mapToDouble(Math::log10).min().orElse(Double.NaN);
        double hi = series.values().stream().flatMap(Arrays::stream).filter(g -> g != null && g > 0)
                .mapToDouble(Math::log10).max().orElse(Double.NaN);
        int maxLayers = series.values().stream().mapToInt(v -> v.length).max().orElse(0);
        if (maxLayers == 0) {
            return;
        }
        if (Double.isNaN(lo)) {
            // nothing to plot on a log scale (all exactly 0): a frame for the captions alone
            lo = -1;
            hi = 0;
        }
        lo = Math.floor(lo);
        hi = Math.max(Math.ceil(hi), lo + 1);
        Frame f = new Frame(Math.max(2, maxLayers), lo, hi, 1);
        out.append("<figure>");
        StringBuilder s = f.open(act + ": step-0 gradient RMS by layer (last = output)");
        f.axes(s, v -> Integer.toString((int) Math.round(v)), v -> "1e" + (int) Math.round(v), true);
        f.titles(s, "weight layer (input → output)", "gradient RMS (log scale)");
        List<String> captions = new ArrayList<>();
        int i = 0;
        for (String init : TableGroup.inits(records)) {
            String color = Svg.initColor(init);
            Double[] rms = series.get(init);
            boolean drawn = rms != null && java.util.Arrays.stream(rms).anyMatch(v -> v != null && v > 0);
            // a series with nothing to draw on a log scale (no record, or every gradient exactly 0) says so
            f.legend(s, i++, drawn ? init : init + " (not drawn)", color);
            if (rms == null) {
                continue;
            }
            GradientTrend trend = GradientTrend.of(rms);
            List<CellRecord> cellsOfInit = TableGroup.seeds(records, init, act);
            // the absolute judgement first: the trend alone is a ratio and cannot call a net healthy
            String judged = cellsOfInit.isEmpty() ? "" : ScaleText.judge(cellsOfInit).words();
            if (trend != null || !judged.isEmpty()) {
                captions.add(init + ": " + judged + (trend == null ? "" : (judged.isEmpty() ? "" : "; ")
                        + trend.words()));
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < rms.length; k++) {
                if (rms[k] != null && rms[k] > 0) {
                    xs.add(f.x(k + 1));
                    ys.add(f.y(Math.log10(rms[k])));
                }
            }
            s.append(Svg.polyline(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), color));
            for (int k = 0; k < xs.size(); k++) {
                s.append("<circle cx=\"").append(Svg.n(xs.get(k))).append("\" cy=\"").append(Svg.n(ys.get(k)))
                        .append("\" r=\"2.5\" fill=\"").append(color).append("\"/>");
            }
        }
        out.append(s).append("</svg>\n<figcaption><ul>");
        for (String c : captions) {
            out.append("<li>").append(Xml.escape(c)).append("</li>");
        }
        out.append("</ul></figcaption></figure>\n");
    }

    private static void table(Appendable out, List<CellRecord> records, String title,
                              Function<List<CellRecord>, String> entry) throws IOException {
        Set<String> acts = TableGroup.activations(records);
        out.append("<table><caption>").append(Xml.escape(title)).append("</caption><tr><th>weightInit</th>");
        for (String a : acts) {
            out.append("<th>").append(Xml.escape(a)).append("</th>");
        }
        out.append("</tr>\n");
        for (String init : TableGroup.inits(records)) {
            out.append("<tr><td>").append(Xml.escape(init)).append("</td>");
            for (String act : acts) {
                List<CellRecord> seeds = TableGroup.seeds(records, init, act);
                String v = seeds.isEmpty() ? "" : Objects.toString(entry.apply(seeds), "");
                out.append("<td class=\"num").append(v.contains("**") ? " bad" : "").append("\">")
                        .append(Xml.escape(v.replace("**", ""))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    /** A table of paired comparisons, as {@code matrix.md} has it; nothing when it is null. */
    private static void statsTable(Appendable out, StatsText.StatsTable t) throws IOException {
        if (t == null) {
            return;
        }
        out.append("<table class=\"ranking\"><caption>").append(Xml.escape(t.caption())).append("</caption><tr>");
        for (String h : t.header()) {
            out.append("<th>").append(Xml.escape(h)).append("</th>");
        }
        out.append("</tr>\n");
        for (List<String> row : t.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i);
                boolean text = t.text().contains(i);
                out.append("<td").append(text ? "" : " class=\"num" + (v.contains("**") ? " bad" : "") + "\"")
                        .append('>').append(Xml.escape(v.replace("**", ""))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    /** A plot area with linear axes (x optionally on a log scale); the legend sits to the right of it. */
    private static final class Frame {
        private static final int LEFT = 60;
        private static final int TOP = 24;
        private static final int LEGEND_W = 150;
        private final double maxX;
        private final double minY;
        private final double maxY;
        private final double minX;
        /** x on a log scale from minX (> 0) to maxX; smaller values are drawn at the left edge */
        private final boolean logX;

        Frame(double maxX, double minY, double maxY) {
            this(maxX, minY, maxY, 0);
        }

        Frame(double maxX, double minY, double maxY, double minX) {
            this(maxX, minY, maxY, minX, false);
        }

        private Frame(double maxX, double minY, double maxY, double minX, boolean logX) {
            this.maxX = maxX;
            this.minY = minY;
            this.maxY = maxY;
            this.minX = minX;
            this.logX = logX;
        }

        static Frame logX(double minX, double maxX, double minY, double maxY) {
            return new Frame(maxX, minY, maxY, minX, true);
        }

        double x(double v) {
            if (logX) {
                return LEFT + (Math.log10(Math.max(v, minX)) - Math.log10(minX))
                        / (Math.log10(maxX) - Math.log10(minX)) * PLOT_W;
            }
            return LEFT + (v - minX) / (maxX - minX) * PLOT_W;
        }

        double y(double v) {
            return TOP + (1 - (v - minY) / (maxY - minY)) * PLOT_H;
        }

        StringBuilder open(String title) {
            StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
                    + (LEFT + PLOT_W + LEGEND_W) + "\" height=\"" + (TOP + PLOT_H + 44) + "\" role=\"img\" class=\"plot\">");
            s.append(Svg.text(LEFT, 14, "start", "t", title));
            return s;
        }

        /** Five evenly spaced ticks per axis, or with {@code integers} one per whole number (at most ~10). */
        void axes(StringBuilder s, Function<Double, String> xLabel, Function<Double, String> yLabel,
                  boolean integers) {
            String grid = "stroke:#e4e4e4;stroke-width:1";
            List<Double> xt = new ArrayList<>();
            List<Double> yt = new ArrayList<>();
            if (integers) {
                int xs = (int) Math.ceil((maxX - minX) / 10);
                for (double v = minX; v <= maxX + 1e-9; v += Math.max(1, xs)) {
                    xt.add(v);
                }
                int ys = (int) Math.ceil((maxY - minY) / 8);
                for (double v = minY; v <= maxY + 1e-9; v += Math.max(1, ys)) {
                    yt.add(v);
                }
            } else {
                for (int k = 0; k <= 4; k++) {
                    xt.add(minX + (maxX - minX) * k / 4);
                    yt.add(minY + (maxY - minY) * k / 4);
                }
            }
            if (logX) {
                // the ends, and the powers of ten between them that leave room for their labels
                xt.clear();
                xt.add(minX);
                for (double d = Math.pow(10, Math.ceil(Math.log10(minX))); d < maxX; d *= 10) {
                    if (x(d) - x(minX) > 40 && x(maxX) - x(d) > 40) {
                        xt.add(d);
                    }
                }
                xt.add(maxX);
            }
            for (double yv : yt) {
                s.append(Svg.line(LEFT, y(yv), LEFT + PLOT_W, y(yv), grid));
                s.append(Svg.text(LEFT - 4, y(yv) + 4, "end", null, yLabel.apply(yv)));
            }
            for (double xv : xt) {
                s.append(Svg.text(x(xv), TOP + PLOT_H + 16, "middle", null, xLabel.apply(xv)));
            }
            s.append(Svg.line(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H, "stroke:#555;stroke-width:1"));
            s.append(Svg.line(LEFT, TOP, LEFT, TOP + PLOT_H, "stroke:#555;stroke-width:1"));
        }

        /** The x-axis title under the tick labels, the y-axis title turned along the axis. */
        void titles(StringBuilder s, String x, String y) {
            s.append(Svg.text(LEFT + PLOT_W / 2.0, TOP + PLOT_H + 36, "middle", "ax", x));
            s.append(Svg.verticalText(14, TOP + PLOT_H / 2.0, y));
        }

        void legend(StringBuilder s, int i, String name, String color) {
            legend(s, i, name, color, false);
        }

        void legend(StringBuilder s, int i, String name, String color, boolean dashed) {
            double y = TOP + 8 + 16 * i;
            s.append(Svg.line(LEFT + PLOT_W + 10, y, LEFT + PLOT_W + 28, y, "stroke:" + color + ";stroke-width:3"
                    + (dashed ? ";stroke-dasharray:6,3" : "")));
            s.append(Svg.text(LEFT + PLOT_W + 32, y + 4, "start", null, name));
        }

        void bandLegend(StringBuilder s, int i, String name) {
            double y = TOP + 8 + 16 * i;
            s.append("<rect x=\"").append(Svg.n(LEFT + PLOT_W + 10)).append("\" y=\"").append(Svg.n(y - 5))
                    .append("\" width=\"18\" height=\"10\" fill=\"#555\" fill-opacity=\"0.15\"/>");
            s.append(Svg.text(LEFT + PLOT_W + 32, y + 4, "start", null, name));
        }
    }
}
