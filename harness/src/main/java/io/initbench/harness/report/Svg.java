package io.initbench.harness.report;

import java.util.List;
import java.util.Locale;

/**
 * The few SVG pieces the HTML report draws with. Generated inline so that the report opens offline and
 * needs no script at all; numbers are printed with one decimal so the output is byte-stable.
 */
final class Svg {
    /** Line colours: Okabe–Ito, readable by colour-blind readers. */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
            "#F0E442", "#000000", "#999999", "#882255");

    /** Viridis anchors, interpolated linearly. */
    private static final int[][] VIRIDIS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private Svg() {
    }

    static String color(int i) {
        return PALETTE.get(i % PALETTE.size());
    }

    /** Viridis colour of t in [0, 1] (clamped). */
    static String viridis(double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) Math.floor(x), VIRIDIS.length - 2);
        double f = x - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(a[0] + f * (b[0] - a[0])),
                Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2])));
    }

    /** Black or white, whichever reads better on viridis(t). */
    static String textOn(double t) {
        return t > 0.55 ? "#000" : "#fff";
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String text(double x, double y, String anchor, String cls, String s) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\""
                + (cls == null ? "" : " class=\"" + cls + "\"") + ">" + Xml.escape(s) + "</text>";
    }

    static String line(double x1, double y1, double x2, double y2, String style) {
        return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" style=\""
                + style + "\"/>";
    }

    static String polyline(double[] xs, double[] ys, String stroke) {
        StringBuilder sb = new StringBuilder("<polyline fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"1.8\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return sb.append("\"/>").toString();
    }

    /** A closed band between a lower and an upper line (the ±1 std area). */
    static String band(double[] xs, double[] lo, double[] hi, String fill) {
        StringBuilder sb = new StringBuilder("<polygon fill=\"").append(fill)
                .append("\" fill-opacity=\"0.18\" stroke=\"none\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            sb.append(n(xs[i])).append(',').append(n(hi[i])).append(' ');
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            sb.append(n(xs[i])).append(',').append(n(lo[i])).append(i == 0 ? "" : " ");
        }
        return sb.append("\"/>").toString();
    }
}
