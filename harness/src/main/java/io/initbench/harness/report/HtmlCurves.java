package io.initbench.harness.report;

import io.initbench.harness.output.Format;
import io.initbench.harness.output.Xml;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.Status;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A learning-curve chart of {@code report.html}: accuracy on the curve's split against training samples
 * for one activation, one colour per initializer, BatchNorm on dashed when both settings are overlaid,
 * band = 95% CI of the mean over the seeds at each evaluation. One instance draws one chart.
 */
final class HtmlCurves {
    private final PlotFrame f;
    private final StringBuilder s;
    private final boolean bothBn;
    private final List<String> legend = new ArrayList<>();
    private final List<String> notDrawn = new ArrayList<>();
    private final boolean[] styles = new boolean[2];
    private boolean anyBand;

    private HtmlCurves(PlotFrame f, StringBuilder s, boolean bothBn) {
        this.f = f;
        this.s = s;
        this.bothBn = bothBn;
    }

    /**
     * Accuracy on the curve's split ({@code split}: validation, or test without a validation split) against
     * training samples, one colour per initializer, BatchNorm on dashed when {@code bothBn}; band = 95% CI
     * of the mean over the seeds at each evaluation.
     */
    static void write(Appendable out, List<CellRecord> records, String act, boolean bothBn, String split)
            throws IOException {
        double maxX = records.stream().flatMap(r -> r.curve().stream()).mapToDouble(CurvePoint::samples).max()
                .orElse(1);
        double minX = records.stream().flatMap(r -> r.curve().stream()).mapToDouble(CurvePoint::samples)
                .filter(v -> v > 0).min().orElse(1);
        // log x: most of the change happens in the first few thousand samples, which a linear axis
        // squeezes into its first pixels; a curve's point at 0 samples (before training) sits at the left edge
        boolean log = maxX > 10 * minX;
        PlotFrame f = log ? PlotFrame.logX(minX, maxX, 0, 1) : new PlotFrame(maxX <= 0 ? 1 : maxX, 0, 1);
        StringBuilder s = f.open("activation " + act);
        f.axes(s, Format::human, v -> Format.fixed(v, 2), false);
        f.titles(s, log ? "training samples (log scale; the start at the left edge)" : "training samples",
                split + " accuracy");
        HtmlCurves chart = new HtmlCurves(f, s, bothBn);
        for (String init : TableGroup.inits(records)) {
            for (boolean bn : new boolean[]{false, true}) {
                List<CellRecord> cells = TableGroup.seeds(records, init, act).stream()
                        .filter(r -> r.cell().batchNorm() == bn).toList();
                if (!cells.isEmpty()) {
                    chart.series(init, bn, cells);
                }
            }
        }
        chart.legends();
        out.append("<figure class=\"chart\">").append(s).append("</svg>");
        if (!chart.notDrawn.isEmpty()) {
            out.append("<figcaption>not drawn: ").append(Xml.escape(String.join("; ", chart.notDrawn)))
                    .append("</figcaption>");
        }
        out.append("</figure>\n");
    }

    /** Draws the curve of {@code init}'s seeds at one BatchNorm setting, or notes why it cannot be drawn. */
    private void series(String init, boolean bn, List<CellRecord> cells) {
        String color = Svg.initColor(init);
        String name = init + (bothBn ? bn ? ", BatchNorm on" : ", BatchNorm off" : "");
        Series series = Series.of(cells, f);
        if (series == null) {
            notDrawn.add(name + " (" + whyNotDrawn(cells) + ")");
            return;
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

    /** The drawn initializers, then the line styles when both BatchNorm settings were drawn, then the band. */
    private void legends() {
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
        static Series of(List<CellRecord> cells, PlotFrame f) {
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
}
