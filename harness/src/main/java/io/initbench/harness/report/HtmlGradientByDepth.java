package io.initbench.harness.report;

import io.initbench.harness.diagnostics.GradientTrend;
import io.initbench.harness.output.Xml;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.LayerScale;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnostics chart of {@code report.html}: log10 of the step-0 gradient RMS of every weight layer
 * (first hidden layer = 1, output layer = last), mean over seeds, with a caption per initializer derived
 * from the plotted values ({@link GradientTrend}) and the absolute gradient-scale verdict ({@link ScaleText}).
 */
final class HtmlGradientByDepth {
    private HtmlGradientByDepth() {
    }

    /**
     * The chart of activation {@code act}'s records; records written before the RMS was measured are left
     * out, and nothing is written when none has it.
     */
    static void write(Appendable out, List<CellRecord> records, String act) throws IOException {
        Map<String, Double[]> series = meanByLayer(records, act);
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
        PlotFrame f = new PlotFrame(Math.max(2, maxLayers), lo, hi, 1);
        out.append("<figure>");
        StringBuilder s = f.open(act + ": step-0 gradient RMS by layer (last = output)");
        f.axes(s, v -> Integer.toString((int) Math.round(v)), v -> "1e" + (int) Math.round(v), true);
        f.titles(s, "weight layer (input → output)", "gradient RMS (log scale)");
        List<String> captions = new ArrayList<>();
        int i = 0;
        for (String init : TableGroup.inits(records)) {
            String color = Svg.initColor(init);
            Double[] rms = series.get(init);
            boolean drawn = rms != null && Arrays.stream(rms).anyMatch(v -> v != null && v > 0);
            // a series with nothing to draw on a log scale (no record, or every gradient exactly 0) says so
            f.legend(s, i++, drawn ? init : init + " (not drawn)", color);
            if (rms != null) {
                caption(captions, init, rms, TableGroup.seeds(records, init, act));
                draw(s, f, rms, color);
            }
        }
        out.append(s).append("</svg>\n<figcaption><ul>");
        for (String c : captions) {
            out.append("<li>").append(Xml.escape(c)).append("</li>");
        }
        out.append("</ul></figcaption></figure>\n");
    }

    /** Per initializer, the mean over seeds of each layer's gradient RMS (geometric: the mean of the logs). */
    private static Map<String, Double[]> meanByLayer(List<CellRecord> records, String act) {
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
        return series;
    }

    /** The initializer's caption: the absolute judgement first (the trend alone is a ratio), then the trend. */
    private static void caption(List<String> captions, String init, Double[] rms, List<CellRecord> cellsOfInit) {
        GradientTrend trend = GradientTrend.of(rms);
        String judged = cellsOfInit.isEmpty() ? "" : ScaleText.judge(cellsOfInit).words();
        if (trend != null || !judged.isEmpty()) {
            captions.add(init + ": " + judged + (trend == null ? "" : (judged.isEmpty() ? "" : "; ")
                    + trend.words()));
        }
    }

    /** The layers with a positive RMS as a line with a dot on each. */
    private static void draw(StringBuilder s, PlotFrame f, Double[] rms, String color) {
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
}
