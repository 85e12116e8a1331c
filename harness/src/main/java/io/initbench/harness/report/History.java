package io.initbench.harness.report;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import io.initbench.harness.stats.Ranking;
import io.initbench.harness.stats.SeedGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code index.md} and {@code index.html} in a suite's results directory ({@code results/<suite>/}):
 * one row per run (date, commit, backend, CPU, cell counts, best configuration), newest first, linking
 * to each run's report. Rebuilt from the run directories alone, after every run, report and merge.
 */
public final class History {
    private static final Logger log = LoggerFactory.getLogger(History.class);

    /** One run of the suite. */
    public record Row(String dir, String runId, String startedAt, String commit, boolean dirty, String backend,
                      String cpu, int cells, int ok, int diverged, int other, String best, Double bestAccuracy) {
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
            write(parent, rows(parent));
        } catch (IOException e) {
            log.warn("could not update the run index in {}: {}", parent, e.getMessage());
        }
    }

    public static List<Row> rows(Path suiteDir) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path d : RunStore.runsIn(suiteDir)) {
            try {
                rows.add(row(d));
            } catch (IOException e) {
                log.warn("run index: skipping {} ({})", d, e.getMessage());
            }
        }
        rows.sort(Comparator.comparing(Row::startedAt).reversed());
        return rows;
    }

    private static Row row(Path d) throws IOException {
        Provenance p = RunStore.readProvenance(d);
        List<CellRecord> cells = RunStore.readCells(d);
        int ok = (int) cells.stream().filter(r -> r.status() == Status.OK).count();
        int div = (int) cells.stream().filter(r -> r.status() == Status.DIVERGED).count();
        // status before accuracy: a configuration with diverged seeds is not "best" on its survivors
        SeedGroup best = SeedGroup.of(cells).stream().filter(g -> g.accuracy() != null).min(Ranking.BEST_FIRST)
                .orElse(null);
        String label = best == null ? "" : best.config().weightInit().label() + " " + best.config().activation().name()
                + (best.config().batchNorm() ? " +BN" : "") + " (" + best.config().dataset().key() + ")";
        return new Row(d.getFileName().toString(), p.runId(), p.startedAt(), p.gitCommit().length() > 12
                ? p.gitCommit().substring(0, 12) : p.gitCommit(), p.gitDirty(), p.backend(), p.cpuModel(), cells.size(),
                ok, div, cells.size() - ok - div, label, best == null ? null : best.accuracy().mean());
    }

    static void write(Path suiteDir, List<Row> rows) throws IOException {
        StringBuilder md = new StringBuilder("# Runs of " + Escape.markdown(suiteDir.getFileName().toString())
                + "\n\nNewest first.\n\n"
                + "| started | run | commit | backend | CPU | cells | OK | DIVERGED | other | best configuration | accuracy |\n"
                + "|---|---|---|---|---|---:|---:|---:|---:|---|---:|\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + Xml.escape("Runs of " + suiteDir.getFileName()) + "</title><style>body{font-family:system-ui,sans-serif;"
                + "margin:24px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}</style></head>"
                + "<body><h1>" + Xml.escape("Runs of " + suiteDir.getFileName()) + "</h1>\n<table><tr><th>started</th>"
                + "<th>run</th><th>commit</th><th>backend</th><th>CPU</th><th>cells</th><th>OK</th><th>DIVERGED</th>"
                + "<th>other</th><th>best configuration</th><th>accuracy</th></tr>\n");
        for (Row r : rows) {
            String acc = r.bestAccuracy() == null ? "" : String.format(Locale.ROOT, "%.4f", r.bestAccuracy());
            String commit = r.commit() + (r.dirty() ? " (dirty)" : "");
            String link = Escape.relativeLink(r.dir(), "report.html");
            md.append("| ").append(Escape.markdown(r.startedAt())).append(" | [").append(Escape.markdown(r.runId()))
                    .append("](").append(link).append(") | ").append(Escape.markdown(commit)).append(" | ")
                    .append(Escape.markdown(r.backend())).append(" | ").append(Escape.markdown(r.cpu())).append(" | ").append(r.cells()).append(" | ").append(r.ok()).append(" | ")
                    .append(r.diverged()).append(" | ").append(r.other()).append(" | ").append(Escape.markdown(r.best())).append(" | ")
                    .append(acc).append(" |\n");
            html.append("<tr><td>").append(Xml.escape(r.startedAt())).append("</td><td><a href=\"")
                    .append(Escape.html(link)).append("\">").append(Xml.escape(r.runId())).append("</a></td><td>")
                    .append(Xml.escape(commit)).append("</td><td>").append(Xml.escape(r.backend())).append("</td><td>")
                    .append(Xml.escape(r.cpu())).append("</td><td>").append(r.cells()).append("</td><td>").append(r.ok())
                    .append("</td><td>").append(r.diverged()).append("</td><td>").append(r.other()).append("</td><td>")
                    .append(Xml.escape(r.best())).append("</td><td>").append(acc).append("</td></tr>\n");
        }
        html.append("</table></body></html>\n");
        Files.writeString(suiteDir.resolve("index.md"), md, StandardCharsets.UTF_8);
        Files.writeString(suiteDir.resolve("index.html"), html, StandardCharsets.UTF_8);
    }
}
