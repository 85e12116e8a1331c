package io.initbench.harness.report;

import io.initbench.harness.output.Xml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The few SVG pieces the HTML pages draw with. Generated inline so that the pages open offline and
 * need no script at all; numbers are printed with one decimal so the output is byte-stable.
 */
final class Svg {
    /**
     * The colour of each well-known initializer label, the same in every chart of every report so that
     * a reader who learned "XAVIER is blue" can trust it. Families share a hue where that helps
     * (Xavier blues, He/ReLU oranges), but no two entries are alike.
     */
    static final Map<String, String> INIT_COLORS = initColors();

    /**
     * Colours for any other label, picked by a hash of the label (stable across runs and JVMs: the
     * hash of a {@link String} is specified); chosen apart from {@link #INIT_COLORS}.
     */
    static final List<String> HASHED_COLORS = List.of("#117733", "#AA4499", "#DDAA33", "#88CCEE", "#999933",
            "#661100", "#6699CC", "#EE7733", "#33BBEE", "#AA3377");

    /** Viridis anchors, interpolated linearly. */
    private static final int[][] VIRIDIS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private Svg() {
    }

    private static Map<String, String> initColors() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("XAVIER", "#0072B2");
        // the uniform variants get their own hue, not a lighter shade of the normal one: drawn together
        // (relu-vs-tanh) two blues or two oranges could not be told apart
        m.put("XAVIER_UNIFORM", "#6A3D9A");
        m.put("RELU", "#D55E00");
        m.put("RELU_UNIFORM", "#E7298A");
        m.put("LECUN_NORMAL", "#009E73");
        m.put("LECUN_UNIFORM", "#66C2A5");
        m.put("NORMAL(0,0.01)", "#000000");
        m.put("UNIFORM", "#B8A000");
        m.put("ZERO", "#999999");
        m.put("CONSTANT(0.01)", "#8C6D31");
        m.put("ORTHOGONAL(1)", "#CC79A7");
        m.put("LSUV(0.1,10)", "#882255");
        m.put("SPARSE(15)", "#332288");
        m.put("IDENTITY", "#44AA99");
        return Map.copyOf(m);
    }

    /** The colour of an initializer, from its label alone (never from its position in a chart). */
    static String initColor(String label) {
        String c = INIT_COLORS.get(label);
        return c != null ? c : HASHED_COLORS.get(Math.floorMod(label.hashCode(), HASHED_COLORS.size()));
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

    /** Text turned a quarter anticlockwise about its anchor, for a y-axis title. */
    static String verticalText(double x, double y, String s) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"middle\" class=\"ax\" transform=\"rotate(-90 "
                + n(x) + " " + n(y) + ")\">" + Xml.escape(s) + "</text>";
    }

    static String line(double x1, double y1, double x2, double y2, String style) {
        return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" style=\""
                + style + "\"/>";
    }

    static String polyline(double[] xs, double[] ys, String stroke) {
        return polyline(xs, ys, stroke, false);
    }

    /** A line through the points; {@code dashed} draws it dashed (the BatchNorm-on series). */
    static String polyline(double[] xs, double[] ys, String stroke, boolean dashed) {
        StringBuilder sb = new StringBuilder("<polyline fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"1.8\"").append(dashed ? " stroke-dasharray=\"6,3\"" : "").append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return sb.append("\"/>").toString();
    }

    static String circle(double x, double y, double r, String fill) {
        return "<circle cx=\"" + n(x) + "\" cy=\"" + n(y) + "\" r=\"" + n(r) + "\" fill=\"" + fill + "\"/>";
    }

    /** A closed band between a lower and an upper line (a confidence band). */
    static String band(double[] xs, double[] lo, double[] hi, String fill) {
        StringBuilder sb = new StringBuilder("<polygon fill=\"").append(fill)
                .append("\" fill-opacity=\"0.15\" stroke=\"none\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            sb.append(n(xs[i])).append(',').append(n(hi[i])).append(' ');
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            sb.append(n(xs[i])).append(',').append(n(lo[i])).append(i == 0 ? "" : " ");
        }
        return sb.append("\"/>").toString();
    }

    /**
     * A horizontal viridis colour bar of {@code steps} swatches (plain rectangles: the pages load
     * nothing, not even an SVG gradient reference), with its end and middle values under it.
     */
    static String colorBar(double x, double y, double width, String low, String mid, String high, boolean reversed) {
        int steps = 24;
        StringBuilder sb = new StringBuilder("<g class=\"colorbar\">");
        double w = width / steps;
        for (int i = 0; i < steps; i++) {
            double t = (i + 0.5) / steps;
            sb.append("<rect x=\"").append(n(x + i * w)).append("\" y=\"").append(n(y)).append("\" width=\"")
                    .append(n(w + 0.6)).append("\" height=\"10\" fill=\"").append(viridis(reversed ? 1 - t : t))
                    .append("\"/>");
        }
        sb.append(text(x, y + 22, "start", null, low)).append(text(x + width / 2, y + 22, "middle", null, mid))
                .append(text(x + width, y + 22, "end", null, high));
        return sb.append("</g>").toString();
    }
}
