package io.initbench.harness.report;

import io.initbench.harness.output.Xml;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import io.initbench.harness.stats.SeedGroup;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A heatmap of {@code report.html}: initializer rows × activation columns, coloured on a
 * {@link HeatmapScale} stated in a colour bar under it, with the value, k/n OK and a red outline for
 * DIVERGED seeds in each cell.
 */
final class HtmlHeatmap {
    private static final int CELL_W = 120;
    private static final int CELL_H = 30;
    private static final int LABEL_W = 170;

    private HtmlHeatmap() {
    }

    /** Initializer rows × activation columns; colour from {@code scale}, value as text in each cell. */
    static void write(Appendable out, List<CellRecord> records, String title,
                      Function<SeedGroup, Double> value, Function<Double, String> label, HeatmapScale scale)
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
                cell(s, LABEL_W + CELL_W * c, y, init, act, TableGroup.seeds(records, init, act), value, label, scale);
                c++;
            }
            r++;
        }
        s.append(Svg.colorBar(LABEL_W, barY, CELL_W * acts.size() - 2, scale.tickAt(0), scale.tickAt(0.5),
                scale.tickAt(1), scale.log()));
        s.append(Svg.text(4, barY + 42, "start", "ax", scale.statement()));
        out.append(s).append("</svg>\n");
    }

    /** One configuration's cell at ({@code x}, {@code y}): its colour, outline and text. */
    private static void cell(StringBuilder s, double x, double y, String init, String act, List<CellRecord> seeds,
                             Function<SeedGroup, Double> value, Function<Double, String> label, HeatmapScale scale) {
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
    }
}
