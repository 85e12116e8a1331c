package io.initbench.harness.report;

import io.initbench.harness.output.Format;
import io.initbench.harness.output.Xml;
import io.initbench.harness.result.DatasetProvenance;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.spec.TrainingSettings;
import java.io.IOException;

/**
 * The top of {@code report.html}: the document head with its inline style, the suite's title and
 * description, the run's provenance (run, commit, backend, machine, training settings, data files) and
 * the paragraph that states how to read the page (statistics rules, heatmap colour scale).
 */
final class HtmlHeader {
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

    private HtmlHeader() {
    }

    /** Opens the page and writes everything above the first panel. */
    static void write(RunResults run, ColorScale colorScale, Appendable out) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Xml.escape(run.suite().name())).append(" — initbench report</title>\n<style>").append(CSS)
                .append("</style></head><body>\n");
        out.append("<h1>").append(Xml.escape(run.suite().name())).append(" — initbench report</h1>\n");
        if (!run.suite().description().isBlank()) {
            out.append("<p>").append(Xml.escape(run.suite().description().strip())).append("</p>\n");
        }
        provenance(run, out);
        rules(run.suite().training(), colorScale, out);
    }

    /** The run's provenance as a list: what ran it, how it trained, on which data files. */
    private static void provenance(RunResults run, Appendable out) throws IOException {
        Provenance p = run.provenance();
        TrainingSettings t = run.suite().training();
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
        for (String o : Format.overrides(run.suite())) {
            out.append("<li>override: ").append(Xml.escape(o)).append("</li>\n");
        }
        for (DatasetProvenance d : p.datasets()) {
            out.append("<li>data: ").append(Xml.escape(d.dataset() + "/" + d.file())).append(" sha256 <code>")
                    .append(Xml.escape(d.sha256())).append("</code>")
                    .append(d.official() ? "" : " <span class=\"bad\">NOT OFFICIAL</span>").append("</li>\n");
        }
        out.append("<li><a href=\"../index.html\">all runs of this suite</a> (when the run lives in"
                + " results/&lt;suite&gt;/)</li></ul>\n");
    }

    /** How to read the page: the statistics rules, the heatmaps' marks and colour scale, the curves' band. */
    private static void rules(TrainingSettings t, ColorScale colorScale, Appendable out) throws IOException {
        String split = StatsText.curveSplit(t);
        out.append("<p class=\"meta\">").append(Xml.escape(StatsText.rules(split))).append(" In the heatmaps, k/n OK follows the"
                + " value where not every seed ended OK, and a red outline marks DIVERGED (NaN/Inf) seeds; the colour"
                + " bar under each heatmap states its scale (").append(switch (colorScale) {
                    case ERROR -> "accuracy by its error on a log scale, fixed: the same in every report";
                    case FIXED -> "fixed, 0 to 1, the same in every report";
                    case RUN -> "this run's range: small differences look large";
                }).append("; <code>-D").append(ColorScale.OPTION).append("=error|fixed|run</code>). The learning-curve band is"
                + " the 95% confidence interval of the mean over seeds (Student-t), as in the tables.</p>\n");
    }
}
