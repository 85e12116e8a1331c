package io.initbench.harness.report;

import io.initbench.harness.output.Outputs;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.result.RunStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The report files written into every run directory, by file name. */
public final class Reports {
    private Reports() {
    }

    public static Map<String, ReportWriter> all() {
        return all(ColorScale.FIXED);
    }

    /** Every report, with {@code report.html}'s heatmaps on the given colour scale. */
    public static Map<String, ReportWriter> all(ColorScale colorScale) {
        Map<String, ReportWriter> m = new LinkedHashMap<>();
        m.put("matrix.csv", new CsvMatrixWriter());
        m.put("matrix.md", new MarkdownMatrixWriter());
        m.put("groups.csv", new GroupsCsvWriter());
        m.put("comparisons.csv", new ComparisonsCsvWriter());
        m.put("report.html", new HtmlReportWriter(colorScale));
        return m;
    }

    public static String render(ReportWriter writer, RunResults run) throws IOException {
        return Outputs.render(writer, run);
    }

    /** Writes every report atomically into the store's directory; returns them by file name. */
    public static Map<String, String> writeAll(RunResults run, RunStore store) throws IOException {
        return writeAll(run, store, ColorScale.FIXED);
    }

    public static Map<String, String> writeAll(RunResults run, RunStore store, ColorScale colorScale)
            throws IOException {
        return Outputs.write(store.dir(), run, all(colorScale));
    }
}
