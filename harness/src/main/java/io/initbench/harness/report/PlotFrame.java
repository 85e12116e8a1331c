package io.initbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A plot area with linear axes (x optionally on a log scale); the legend sits to the right of it. */
final class PlotFrame {
    static final int PLOT_W = 440;
    static final int PLOT_H = 250;
    private static final int LEFT = 60;
    private static final int TOP = 24;
    private static final int LEGEND_W = 150;
    private final double maxX;
    private final double minY;
    private final double maxY;
    private final double minX;
    /** x on a log scale from minX (> 0) to maxX; smaller values are drawn at the left edge */
    private final boolean logX;

    PlotFrame(double maxX, double minY, double maxY) {
        this(maxX, minY, maxY, 0);
    }

    PlotFrame(double maxX, double minY, double maxY, double minX) {
        this(maxX, minY, maxY, minX, false);
    }

    private PlotFrame(double maxX, double minY, double maxY, double minX, boolean logX) {
        this.maxX = maxX;
        this.minY = minY;
        this.maxY = maxY;
        this.minX = minX;
        this.logX = logX;
    }

    static PlotFrame logX(double minX, double maxX, double minY, double maxY) {
        return new PlotFrame(maxX, minY, maxY, minX, true);
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
