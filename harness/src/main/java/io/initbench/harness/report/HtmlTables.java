package io.initbench.harness.report;

import io.initbench.harness.output.Xml;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables of {@code report.html}: the matrix tables of a panel, the paired comparisons as
 * {@code matrix.md} has them, and the list of cells that did not finish OK. An entry marked {@code **}
 * (a status that needs attention) is shown in the "bad" style.
 */
final class HtmlTables {
    private HtmlTables() {
    }

    /** Initializer rows × activation columns with {@code entry} of each configuration's seeds. */
    static void table(Appendable out, List<CellRecord> records, String title,
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

    /** A table of paired comparisons, as {@code matrix.md} has it; nothing when it is null. */
    static void statsTable(Appendable out, StatsText.StatsTable t) throws IOException {
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
                boolean text = t.text().contains(i);
                out.append("<td").append(text ? "" : " class=\"num" + (v.contains("**") ? " bad" : "") + "\"")
                        .append('>').append(Xml.escape(v.replace("**", ""))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    /** The cells that did not finish OK, with their status and reason; nothing when every cell did. */
    static void notOk(Appendable out, List<CellRecord> cells) throws IOException {
        List<CellRecord> notOk = cells.stream().filter(r -> r.status() != Status.OK).toList();
        if (notOk.isEmpty()) {
            return;
        }
        out.append("<h2>Cells that did not finish OK</h2>\n<table><tr><th>cell</th><th>configuration</th>"
                + "<th>status</th><th>reason</th></tr>\n");
        for (CellRecord r : notOk) {
            out.append("<tr><td><code>").append(r.cellId()).append("</code></td><td>")
                    .append(Xml.escape(r.cell().label())).append("</td><td>").append(r.status().name())
                    .append("</td><td>").append(Xml.escape(Objects.toString(r.reason(), ""))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }
}
