package io.initbench.harness.report;

import io.initbench.harness.output.Escape;
import io.initbench.harness.output.Format;
import io.initbench.harness.output.OutputWriter;
import io.initbench.harness.output.Outputs;
import io.initbench.harness.output.Xml;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.stats.Ranking;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code index.md} and {@code index.html} in a suite's results directory ({@code results/<suite>/}):
 * one row per run (date, commit, backend, CPU, cell counts, best configuration), newest first, linking
 * to each run's report; {@code index.html} adds a trend chart per configuration: its mean final
 * accuracy with the 95% confidence interval in every run, oldest to newest. Rebuilt from the run
 * directories alone, after every run, report and merge.
 */
public final class History {
    private static final Logger log = LoggerFactory.getLogger(History.class);
    private static final int LEFT = 52;
    private static final int TOP = 30;
    private static final int PLOT_W = 240;
    private static final int PLOT_H = 110;
    /** Run labels under the axis, at most: "MM-dd HH:mm" is about a quarter of the axis wide. */
    private static final int MAX_TICKS = 4;

    /** One run of the suite. */
    public record Row(String dir, String runId, String startedAt, String commit, boolean dirty, String backend,
                      String cpu, int cells, int ok, int diverged, int other, String best, Double bestAccuracy) {
    }

    /** One run with its records, which the trend charts need. */
    record Run(Row row, List<CellRecord> cells) {
        Run {
            cells = List.copyOf(cells);
        }
    }

    private History() {
    }

    /**
     * Rebuilds the index of {@code runDir}'s parent when that parent is the suite's directory
     * ({@code .../<suite>/<run>}); a run written elsewhere has no history to join.
     */
    public static void update(Path runDir, String suite) {
        Path parent = runDir.toAbsolutePath().normalize().getParent();
        if (parent == null || !parent.getFileName().toString().equals(suite)) {
            return;
        }
        try {
            write(parent, runs(parent));
        } catch (IOException e) {
            log.warn("could not update the run index in {}: {}", parent, e.getMessage());
        }
    }

    public static List<Row> rows(Path suiteDir) throws IOException {
        return runs(suiteDir).stream().map(Run::row).toList();
    }

    /** The suite's readable runs, newest first. */
    static List<Run> runs(Path suiteDir) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (Path d : RunStore.runsIn(suiteDir)) {
            try {
                Provenance p = RunStore.readProvenance(d);
                runs.add(run(d.getFileName().toString(), p.run().runId(), p.run().startedAt(), p, RunStore.readCells(d)));
            } catch (IOException e) {
                log.warn("run index: skipping {} ({})", d, e.getMessage());
            }
        }
        runs.sort(Comparator.comparing((Run r) -> r.row().startedAt()).reversed());
        return runs;
    }

    /** A run read from directory {@code dir}, started at {@code startedAt}. */
    static Run run(String dir, String runId, String startedAt, Provenance p, List<CellRecord> cells) {
        int ok = (int) cells.stream().filter(r -> r.status() == Status.OK).count();
        int div = (int) cells.stream().filter(r -> r.status() == Status.DIVERGED).count();
        // status before accuracy: a configuration with diverged seeds is not "best" on its survivors
        SeedGroup best = SeedGroup.of(cells).stream().filter(g -> g.accuracy() != null).min(Ranking.BEST_FIRST)
                .orElse(null);
        String label = best == null ? "" : best.config().weightInit().label() + " " + best.config().activation().name()
                + (best.config().batchNorm() ? " +BN" : "") + " (" + best.config().dataset().key() + ")";
        Provenance.Software sw = p.software();
        Row row = new Row(dir, runId, startedAt, sw.gitCommit().length() > 12 ? sw.gitCommit().substring(0, 12)
                : sw.gitCommit(), sw.gitDirty(), sw.backend(), p.machine().cpuModel(), cells.size(), ok, div,
                cells.size() - ok - div, label, best == null ? null : best.accuracy().mean());
        return new Run(row, cells);
    }

    /** A suite's run index, as its pages show it. */
    record Index(String suite, List<Run> runs) {
    }

    /** The pages of a suite's run index, by file name. */
    static Map<String, OutputWriter<Index>> outputs() {
        Map<String, OutputWriter<Index>> m = new LinkedHashMap<>();
        m.put("index.md", (i, out) -> out.append(markdown(i.suite(), i.runs())));
        m.put("index.html", (i, out) -> out.append(html(i.suite(), i.runs())));
        return m;
    }

    static void write(Path suiteDir, List<Run> runs) throws IOException {
        // atomically: a web server may be serving the old index while a run rebuilds it
        Outputs.write(suiteDir, new Index(suiteDir.getFileName().toString(), runs), outputs());
    }

    static String markdown(String suite, List<Run> runs) {
        StringBuilder md = new StringBuilder("# Runs of " + Escape.markdown(suite) + "\n\nNewest first.\n\n"
                + "| started | run | commit | backend | CPU | cells | OK | DIVERGED | other | best configuration | accuracy |\n"
                + "|---|---|---|---|---|---:|---:|---:|---:|---|---:|\n");
        for (Run run : runs) {
            Row r = run.row();
            md.append("| ").append(Escape.markdown(r.startedAt())).append(" | [").append(Escape.markdown(r.runId()))
                    .append("](").append(Escape.relativeLink(r.dir(), "report.html")).append(") | ")
                    .append(Escape.markdown(commit(r))).append(" | ").append(Escape.markdown(r.backend())).append(" | ")
                    .append(Escape.markdown(r.cpu())).append(" | ").append(r.cells()).append(" | ").append(r.ok())
                    .append(" | ").append(r.diverged()).append(" | ").append(r.other()).append(" | ")
                    .append(Escape.markdown(r.best())).append(" | ").append(accuracy(r)).append(" |\n");
        }
        return md.toString();
    }

    static String html(String suite, List<Run> runs) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + Xml.escape("Runs of " + suite) + "</title><style>body{font-family:system-ui,sans-serif;"
                + "margin:24px;max-width:1400px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}"
                + ".row{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}figure{margin:0}"
                + "figcaption{font-size:.85em;color:#555;max-width:330px}.meta{font-size:.9em;color:#444}"
                + "svg text{font-family:system-ui,sans-serif;font-size:10px}svg .t{font-size:11px;font-weight:600}"
                + "svg .ax{fill:#444}</style></head>"
                + "<body><h1>" + Xml.escape("Runs of " + suite) + "</h1>\n<table><tr><th>started</th>"
                + "<th>run</th><th>commit</th><th>backend</th><th>CPU</th><th>cells</th><th>OK</th><th>DIVERGED</th>"
                + "<th>other</th><th>best configuration</th><th>accuracy</th></tr>\n");
        for (Run run : runs) {
            Row r = run.row();
            html.append("<tr><td>").append(Xml.escape(r.startedAt())).append("</td><td><a href=\"")
                    .append(Escape.html(Escape.relativeLink(r.dir(), "report.html"))).append("\">").append(Xml.escape(r.runId())).append("</a></td><td>")
                    .append(Xml.escape(commit(r))).append("</td><td>").append(Xml.escape(r.backend())).append("</td><td>")
                    .append(Xml.escape(r.cpu())).append("</td><td>").append(r.cells()).append("</td><td>").append(r.ok())
                    .append("</td><td>").append(r.diverged()).append("</td><td>").append(r.other()).append("</td><td>")
                    .append(Xml.escape(r.best())).append("</td><td>").append(accuracy(r)).append("</td></tr>\n");
        }
        html.append("</table>\n");
        trends(html, runs);
        html.append("</body></html>\n");
        return html.toString();
    }

    private static String commit(Row r) {
        return r.commit() + (r.dirty() ? " (dirty)" : "");
    }

    private static String accuracy(Row r) {
        return r.bestAccuracy() == null ? "" : Format.fixed(r.bestAccuracy(), 4);
    }

    /** One configuration over the runs, oldest first; a null group = the run did not have it. */
    private record Trend(CellSpec config, List<SeedGroup> byRun) {
    }

    /** A chart per configuration (every parameter but the seed), grouped by panel as in report.html. */
    private static void trends(StringBuilder html, List<Run> newestFirst) {
        if (newestFirst.isEmpty()) {
            return;
        }
        List<Run> runs = new ArrayList<>(newestFirst);
        Collections.reverse(runs);
        // configurations in the grid order of the newest run, then those only older runs had
        Map<String, Trend> trends = new LinkedHashMap<>();
        for (Run run : newestFirst) {
            for (SeedGroup g : SeedGroup.of(run.cells())) {
                trends.computeIfAbsent(g.configId(), id -> new Trend(g.config(), new ArrayList<>()));
            }
        }
        for (Trend t : trends.values()) {
            for (Run run : runs) {
                List<CellRecord> cells = run.cells().stream()
                        .filter(r -> r.cell().configId().equals(t.config().configId())).toList();
                t.byRun().add(cells.isEmpty() ? null : SeedGroup.of(cells).get(0));
            }
        }
        Map<String, Integer> sameLabel = new LinkedHashMap<>();
        trends.values().forEach(t -> sameLabel.merge(t.config().configLabel(), 1, Integer::sum));
        html.append("<h2>Trends: final test accuracy per configuration</h2>\n<p class=\"meta\">One chart per"
                + " configuration (cells equal but for the seed), one point per run that has it, oldest run left: the"
                + " mean final test accuracy of its OK seeds with the 95% confidence interval (Student-t over seeds) as"
                + " a bar. A hollow point: not every seed ended OK. The y axis spans the values shown, so read its"
                + " numbers before judging a slope.</p>\n");
        Map<TableGroup, List<Trend>> panels = new LinkedHashMap<>();
        trends.values().forEach(t -> panels.computeIfAbsent(TableGroup.of(t.config(), CellPhase.GRID), k -> new ArrayList<>())
                .add(t));
        for (var e : panels.entrySet()) {
            html.append("<h3>").append(Xml.escape(e.getKey().title())).append("</h3>\n<div class=\"row\">\n");
            for (Trend t : e.getValue()) {
                String label = t.config().weightInit().label() + " · " + t.config().activation().name();
                if (sameLabel.get(t.config().configLabel()) > 1) {
                    label += " · config " + t.config().configId();
                }
                trendChart(html, runs, t, label);
            }
            html.append("</div>\n");
        }
    }

    private static void trendChart(StringBuilder html, List<Run> runs, Trend t, String title) {
        String color = Svg.initColor(t.config().weightInit().label());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SeedGroup g : t.byRun()) {
            Summary s = g == null ? null : g.accuracy();
            if (s != null) {
                lo = Math.min(lo, s.ciLow() == null ? s.mean() : Math.max(0, s.ciLow()));
                hi = Math.max(hi, s.ciHigh() == null ? s.mean() : Math.min(1, s.ciHigh()));
            }
        }
        List<String> notDrawn = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SeedGroup g = t.byRun().get(i);
            if (g != null && g.accuracy() == null) {
                notDrawn.add(runs.get(i).row().runId() + " (" + g.statusLabel() + ")");
            }
        }
        html.append("<figure class=\"trend\">");
        if (lo > hi) {
            SeedGroup newest = null;
            for (SeedGroup g : t.byRun()) {
                newest = g == null ? newest : g;
            }
            html.append("<p class=\"meta\"><b>").append(Xml.escape(title)).append("</b>: no OK seed in any run (newest: ")
                    .append(Xml.escape(newest.statusLabel())).append(")</p>");
            notDrawn.clear();
        } else {
            // at least ±0.01 so that a flat series is not blown up into noise
            double pad = Math.max((hi - lo) * 0.1, 0.01);
            double y0 = Math.max(0, lo - pad);
            double y1 = Math.min(1, hi + pad);
            html.append(svg(runs, t, title, color, y0, y1));
        }
        if (!notDrawn.isEmpty()) {
            html.append("<figcaption>not drawn, no OK seed: ").append(Xml.escape(String.join("; ", notDrawn)))
                    .append("</figcaption>");
        }
        html.append("</figure>\n");
    }

    private static String svg(List<Run> runs, Trend t, String title, String color, double y0, double y1) {
        int n = runs.size();
        IntToDoubleFunction x = i -> LEFT + (i + 0.5) / n * PLOT_W;
        DoubleUnaryOperator y = v -> TOP + (1 - (v - y0) / (y1 - y0)) * PLOT_H;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (LEFT + PLOT_W + 12)
                + "\" height=\"" + (TOP + PLOT_H + 42) + "\" role=\"img\" class=\"trend\">");
        s.append(Svg.line(4, 12, 18, 12, "stroke:" + color + ";stroke-width:3"));
        s.append(Svg.text(22, 16, "start", "t", title));
        for (int k = 0; k <= 2; k++) {
            double v = y0 + (y1 - y0) * k / 2;
            s.append(Svg.line(LEFT, y.applyAsDouble(v), LEFT + PLOT_W, y.applyAsDouble(v), "stroke:#e4e4e4;stroke-width:1"));
            s.append(Svg.text(LEFT - 4, y.applyAsDouble(v) + 4, "end", null, Format.fixed(v, 3)));
        }
        int every = (n + MAX_TICKS - 1) / MAX_TICKS;
        for (int i = n - 1; i >= 0; i -= every) {
            String started = runs.get(i).row().startedAt();
            s.append(Svg.text(x.applyAsDouble(i), TOP + PLOT_H + 14, "middle", null,
                    started.length() >= 16 ? started.substring(5, 16).replace('T', ' ') : runs.get(i).row().runId()));
        }
        s.append(Svg.line(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H, "stroke:#555;stroke-width:1"));
        s.append(Svg.line(LEFT, TOP, LEFT, TOP + PLOT_H, "stroke:#555;stroke-width:1"));
        s.append(Svg.text(LEFT + PLOT_W / 2.0, TOP + PLOT_H + 32, "middle", "ax", "run start (UTC), oldest → newest"));
        s.append(Svg.verticalText(12, TOP + PLOT_H / 2.0, "final test accuracy"));
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < n; i++) {
            SeedGroup g = t.byRun().get(i);
            Summary a = g == null ? null : g.accuracy();
            if (a == null) {
                continue;
            }
            double px = x.applyAsDouble(i);
            double py = y.applyAsDouble(a.mean());
            xs.add(px);
            ys.add(py);
            if (a.ciLow() != null) {
                double top = y.applyAsDouble(Math.min(1, a.ciHigh()));
                double bottom = y.applyAsDouble(Math.max(0, a.ciLow()));
                String st = "stroke:" + color + ";stroke-width:1.2";
                marks.append(Svg.line(px, top, px, bottom, st)).append(Svg.line(px - 3, top, px + 3, top, st))
                        .append(Svg.line(px - 3, bottom, px + 3, bottom, st));
            }
            Row r = runs.get(i).row();
            String tip = r.runId() + " · commit " + commit(r) + " · " + Format.fixed(a.mean(), 4)
                    + (a.halfWidth() == null ? "" : " ± " + Format.fixed(a.halfWidth(), 4)) + " · "
                    + g.statusLabel();
            marks.append("<circle cx=\"").append(Svg.n(px)).append("\" cy=\"").append(Svg.n(py)).append("\" r=\"3.5\" ")
                    .append(g.allOk() ? "fill=\"" + color + "\"" : "fill=\"#fff\" stroke=\"" + color + "\" stroke-width=\"1.5\"")
                    .append("><title>").append(Xml.escape(tip)).append("</title></circle>");
        }
        if (xs.size() > 1) {
            s.append(Svg.polyline(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), color));
        }
        return s.append(marks).append("</svg>").toString();
    }
}
