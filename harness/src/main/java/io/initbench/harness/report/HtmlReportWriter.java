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
import java.util.function.Function;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, no network) with, per
 * panel (dataset × architecture × depth × width × bias × BatchNorm), heatmaps of mean final accuracy and
 * of convergence speed, learning curves with a ±1 standard deviation band over seeds, the step-0 gradient
 * RMS of every weight layer with a caption computed from it, and the matrix tables.
 */
public final class HtmlReportWriter implements ReportWriter {
    private static final int CELL_W = 120;
    private static final int CELL_H = 30;
    private static final int LABEL_W = 170;
    private static final int PLOT_W = 440;
    private static final int PLOT_H = 250;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#222;max-width:1400px}
            h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.05em}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:.9em}
            td.num{text-align:right;font-variant-numeric:tabular-nums}.meta{font-size:.9em;color:#444}
            .row{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}.bad{color:#b00020;font-weight:600}
            svg text{font-family:system-ui,sans-serif;font-size:11px}svg .t{font-size:12px;font-weight:600}
            .warn{background:#fff3cd;border:1px solid #e0c060;padding:6px 10px}
            """;

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
        out.append("<ul class=\"meta\"><li>run <code>").append(Xml.escape(p.runId())).append("</code>, commit <code>")
                .append(Xml.escape(p.gitCommit())).append(p.gitDirty() ? " (dirty)" : "").append("</code>, ")
                .append(Xml.escape(p.backend())).append(p.gpu() == null ? "" : " " + Xml.escape(p.gpu())).append(", ")
                .append(Xml.escape(p.cpuModel())).append(", ").append(Integer.toString(p.workers()))
                .append(" workers × ").append(Integer.toString(p.threadsPerWorker())).append(" native thread(s), ")
                .append(Xml.escape(p.jvm())).append("</li>\n<li>training: ").append(t.optimizer().name())
                .append(" lr ").append(MarkdownMatrixWriter.rates(run.suite())).append(", batch ")
                .append(Integer.toString(t.batchSize())).append(", ").append(Integer.toString(t.epochs()))
                .append(" epoch(s), target accuracy ").append(MarkdownMatrixWriter.fmt(t.targetAccuracy(), 3))
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
                + " value where not every seed ended OK, and a red outline marks DIVERGED (NaN/Inf) seeds.</p>\n");

        double[] accRange = accuracyRange(run.cells());
        for (var e : TableGroup.split(run.cells()).entrySet()) {
            List<CellRecord> records = e.getValue();
            out.append("<h2>").append(Xml.escape(e.getKey().title())).append("</h2>\n<div class=\"row\">\n");
            heatmap(out, records, "Mean final test accuracy (OK seeds)", g -> g.accuracy() == null ? null : g.accuracy().mean(),
                    v -> MarkdownMatrixWriter.fmt(v, 4), accRange[0], accRange[1], false);
            long budget = records.stream().mapToLong(r -> r.cell().sampleBudget()).max().orElse(1);
            heatmap(out, records, "Median samples to target (budget " + MarkdownMatrixWriter.human(budget) + ")",
                    g -> g.convergence().median(), MarkdownMatrixWriter::human,
                    Math.log(Math.max(1, budget / 100.0)), Math.log(budget), true);
            out.append("</div>\n<h3>Learning curves (mean ").append(split)
                    .append(" accuracy, band ±1 std over seeds)</h3>\n<div class=\"row\">\n");
            for (String act : TableGroup.activations(records)) {
                curves(out, records, act, split);
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
            table(out, records, "Step-0 gradient norm, first ÷ output layer", MarkdownMatrixWriter::gradientRatioEntry);
            table(out, records, "Distinct units after training (fewest / width)", MarkdownMatrixWriter::distinctEntry);
            ranking(out, records);
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

    private static double[] accuracyRange(List<CellRecord> records) {
        double lo = 1;
        double hi = 0;
        for (SeedGroup g : SeedGroup.of(records)) {
            Summary s = g.accuracy();
            if (s != null) {
                lo = Math.min(lo, s.mean());
                hi = Math.max(hi, s.mean());
            }
        }
        return lo >= hi ? new double[]{Math.max(0, hi - 0.1), Math.max(hi, 0.1)} : new double[]{lo, hi};
    }

    /** Initializer rows × activation columns; colour from value mapped to [lo, hi] (log for speed). */
    private static void heatmap(Appendable out, List<CellRecord> records, String title,
                                Function<SeedGroup, Double> value, Function<Double, String> label, double lo,
                                double hi, boolean logLowerIsBetter) throws IOException {
        Set<String> inits = TableGroup.inits(records);
        Set<String> acts = TableGroup.activations(records);
        int w = LABEL_W + CELL_W * acts.size() + 10;
        int h = 44 + CELL_H * inits.size() + 10;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\""
                + h + "\" role=\"img\" class=\"heatmap\">");
        s.append(Svg.text(4, 14, "start", "t", title));
        int c = 0;
        for (String act : acts) {
            s.append(Svg.text(LABEL_W + CELL_W * c + CELL_W / 2.0, 36, "middle", null, act));
            c++;
        }
        int r = 0;
        for (String init : inits) {
            double y = 44 + CELL_H * r;
            s.append(Svg.text(LABEL_W - 6, y + CELL_H / 2.0 + 4, "end", null, init));
            c = 0;
            for (String act : acts) {
                double x = LABEL_W + CELL_W * c;
                List<CellRecord> seeds = TableGroup.seeds(records, init, act);
                SeedGroup g = seeds.isEmpty() ? null : SeedGroup.of(seeds).get(0);
                Double v = g == null ? null : value.apply(g);
                if (v != null && logLowerIsBetter && g.reachedTarget() == 0) {
                    v = null; // never reached: grey, "—"
                }
                double tNorm = v == null ? 0 : logLowerIsBetter ? 1 - (Math.log(Math.max(v, 1)) - lo) / (hi - lo)
                        : (v - lo) / (hi - lo);
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
        out.append(s).append("</svg>\n");
    }

    /** Test accuracy against training samples, one line per initializer, band = mean ± 1 std over seeds. */
    private static void curves(Appendable out, List<CellRecord> records, String act, String split)
            throws IOException {
        double maxX = records.stream().flatMap(r -> r.curve().stream()).mapToDouble(CurvePoint::samples).max()
                .orElse(1);
        Frame f = new Frame(maxX <= 0 ? 1 : maxX, 0, 1);
        StringBuilder s = f.open(act + ": " + split + " accuracy vs training samples");
        f.axes(s, MarkdownMatrixWriter::human, v -> MarkdownMatrixWriter.fmt(v, 2), false);
        int i = 0;
        for (String init : TableGroup.inits(records)) {
            List<CellRecord> seeds = TableGroup.seeds(records, init, act).stream()
                    .filter(r -> !r.curve().isEmpty()).toList();
            String color = Svg.color(i);
            f.legend(s, i++, init, color);
            if (seeds.isEmpty()) {
                continue;
            }
            // seeds share the evaluation schedule; a diverged seed stops early, so each point
            // averages the seeds that got that far
            int len = seeds.stream().mapToInt(r -> r.curve().size()).max().orElse(0);
            double[] xs = new double[len];
            double[] mean = new double[len];
            double[] lo = new double[len];
            double[] hi = new double[len];
            for (int k = 0; k < len; k++) {
                List<CurvePoint> pts = new ArrayList<>();
                for (CellRecord r : seeds) {
                    if (k < r.curve().size()) {
                        pts.add(r.curve().get(k));
                    }
                }
                Summary point = Summary.of(pts.stream().mapToDouble(CurvePoint::accuracy).toArray());
                double m = point.mean();
                double sd = point.sd() == null ? 0 : point.sd();
                xs[k] = f.x(pts.get(0).samples());
                mean[k] = f.y(m);
                lo[k] = f.y(Math.max(0, m - sd));
                hi[k] = f.y(Math.min(1, m + sd));
            }
            if (seeds.size() > 1) {
                s.append(Svg.band(xs, lo, hi, color));
            }
            s.append(Svg.polyline(xs, mean, color));
        }
        out.append(s).append("</svg>\n");
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
        List<String> captions = new ArrayList<>();
        int i = 0;
        for (String init : TableGroup.inits(records)) {
            String color = Svg.color(i);
            f.legend(s, i++, init, color);
            Double[] rms = series.get(init);
            if (rms == null) {
                continue;
            }
            GradientTrend trend = GradientTrend.of(rms);
            if (trend != null) {
                captions.add(init + ": " + trend.words());
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

    /** The paired, Holm-corrected ranking of one panel, as {@code matrix.md} has it. */
    private static void ranking(Appendable out, List<CellRecord> records) throws IOException {
        StatsText.RankingTable t = StatsText.ranking(records);
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
                boolean text = i == 0 || i == 2;
                out.append("<td").append(text ? "" : " class=\"num" + (v.contains("**") ? " bad" : "") + "\"")
                        .append('>').append(Xml.escape(v.replace("**", ""))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    /** A plot area with linear axes; the legend sits to the right of it. */
    private static final class Frame {
        private static final int LEFT = 46;
        private static final int TOP = 24;
        private static final int LEGEND_W = 170;
        private final double maxX;
        private final double minY;
        private final double maxY;
        private final double minX;

        Frame(double maxX, double minY, double maxY) {
            this(maxX, minY, maxY, 0);
        }

        Frame(double maxX, double minY, double maxY, double minX) {
            this.maxX = maxX;
            this.minY = minY;
            this.maxY = maxY;
            this.minX = minX;
        }

        double x(double v) {
            return LEFT + (v - minX) / (maxX - minX) * PLOT_W;
        }

        double y(double v) {
            return TOP + (1 - (v - minY) / (maxY - minY)) * PLOT_H;
        }

        StringBuilder open(String title) {
            StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
                    + (LEFT + PLOT_W + LEGEND_W) + "\" height=\"" + (TOP + PLOT_H + 34) + "\" role=\"img\" class=\"plot\">");
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

        void legend(StringBuilder s, int i, String name, String color) {
            double y = TOP + 8 + 16 * i;
            s.append(Svg.line(LEFT + PLOT_W + 10, y, LEFT + PLOT_W + 28, y, "stroke:" + color + ";stroke-width:3"));
            s.append(Svg.text(LEFT + PLOT_W + 32, y + 4, "start", null, name));
        }
    }
}
