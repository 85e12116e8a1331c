package io.initbench.harness.compare;

import io.initbench.harness.output.Escape;
import io.initbench.harness.output.OutputWriter;
import io.initbench.harness.output.Xml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The comparison as Markdown (for people) and JUnit XML (for CI servers: one test case per configuration). */
public final class ComparisonReport {
    private ComparisonReport() {
    }

    /**
     * One comparison as its outputs show it.
     *
     * @param run      the compared run, as the user named it
     * @param baseline the baseline, as the user named it (or as it was found)
     */
    public record Comparison(RunComparison.Result result, ComparisonScope scope, String suite, String run,
                             String baseline) {
    }

    public static final OutputWriter<Comparison> MARKDOWN =
            (c, out) -> out.append(markdown(c.result(), c.scope(), c.run(), c.baseline()));
    public static final OutputWriter<Comparison> JUNIT_XML = (c, out) -> out.append(junitXml(c.result(), c.suite()));

    /** The files {@code compare} writes, by name. */
    public static Map<String, OutputWriter<Comparison>> outputs() {
        Map<String, OutputWriter<Comparison>> m = new LinkedHashMap<>();
        m.put("compare.md", MARKDOWN);
        m.put("compare-junit.xml", JUNIT_XML);
        return m;
    }

    public static String markdown(RunComparison.Result r, ComparisonScope scope, String run, String baseline) {
        StringBuilder sb = new StringBuilder("# Comparison\n\n- run: ").append(Escape.markdown(run))
                .append("\n- baseline: ").append(Escape.markdown(baseline)).append("\n- settings: ");
        if (scope.sameSettings()) {
            sb.append("the same (fingerprint `").append(scope.fingerprint()).append("`)\n");
        } else {
            sb.append("**different** (fingerprint `").append(scope.fingerprint()).append("` vs `")
                    .append(scope.baselineFingerprint()).append("`: ").append(String.join("; ", scope.differences()))
                    .append("); compared on the configurations both runs have\n");
        }
        sb.append("- seeds compared: ").append(seeds(scope.seeds()));
        if (!scope.runOnlySeeds().isEmpty() || !scope.baselineOnlySeeds().isEmpty()) {
            sb.append(" (not compared: only in this run ").append(seeds(scope.runOnlySeeds()))
                    .append(", only in the baseline ").append(seeds(scope.baselineOnlySeeds())).append(')');
        }
        sb.append("\n- configurations compared: ").append(r.configs().size()).append('\n')
                .append("- verdict: ").append(r.regressed() ? "**REGRESSION**" : "no regression").append("\n\n")
                .append("Each seed is compared with the same seed of the baseline. A change in final accuracy or")
                .append(" samples to target counts when the mean paired difference exceeds the tolerance and, with")
                .append(" 2 or more seeds, its 95% confidence interval excludes zero; with one seed the tolerance")
                .append(" alone decides. A seed leaving OK, or a configuration or seed the run lacks, is a")
                .append(" regression.\n\n");
        List<RunComparison.Finding> f = r.findings();
        if (f.isEmpty()) {
            sb.append("No change.\n");
        } else {
            sb.append("| verdict | what | configuration | change |\n|---|---|---|---|\n");
            f.stream().sorted(java.util.Comparator.comparing(RunComparison.Finding::verdict))
                    .forEach(x -> sb.append("| ").append(x.verdict() == RunComparison.Verdict.REGRESSION
                                    ? "**REGRESSION**" : x.verdict().name()).append(" | ").append(x.kind()).append(" | ")
                            .append(Escape.markdown(x.config())).append(" | ").append(Escape.markdown(x.detail()))
                            .append(" |\n"));
        }
        return sideBySide(sb, r).toString();
    }

    /** Every configuration's numbers, whatever the verdict: "no change" is a claim the reader can check. */
    private static StringBuilder sideBySide(StringBuilder sb, RunComparison.Result r) {
        if (r.sides().isEmpty()) {
            return sb;
        }
        sb.append("\n## Side by side\n\nMean final accuracy over the seeds both runs finished; Δ = run − baseline"
                + " (mean of the paired differences); a change counts beyond the tolerance (see above).\n\n"
                + "| configuration | seeds | baseline | run | Δ | tolerance | verdict |\n"
                + "|---|---:|---:|---:|---:|---:|---|\n");
        for (RunComparison.Side s : r.sides()) {
            String verdict = r.of(s.configId()).stream().map(x -> x.verdict() == RunComparison.Verdict.REGRESSION
                    ? "**REGRESSION** (" + x.kind() + ")" : x.verdict() + " (" + x.kind() + ")").distinct()
                    .reduce((a, b) -> a + ", " + b).orElse("no change");
            sb.append("| ").append(Escape.markdown(s.config())).append(" | ").append(s.pairs()).append(" | ")
                    .append(num(s.baseline())).append(" | ").append(num(s.run())).append(" | ")
                    .append(s.delta() == null ? "—" : String.format(Locale.ROOT, "%+.4f", s.delta())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.4f", s.tolerance())).append(" | ").append(verdict)
                    .append(" |\n");
        }
        return sb;
    }

    private static String num(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String seeds(List<Long> seeds) {
        return seeds.isEmpty() ? "none" : String.join(", ", seeds.stream().map(String::valueOf).toList());
    }

    public static String junitXml(RunComparison.Result r, String suite) {
        long failures = r.configs().stream().filter(id -> r.of(id).stream()
                .anyMatch(f -> f.verdict() == RunComparison.Verdict.REGRESSION)).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"")
                .append(Xml.escape("initbench.compare." + suite)).append("\" tests=\"").append(r.configs().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        for (String id : r.configs()) {
            List<RunComparison.Finding> fs = r.of(id);
            sb.append("  <testcase classname=\"").append(Xml.escape("initbench." + suite)).append("\" name=\"")
                    .append(Xml.escape(r.labels().get(id) + " [" + id + "]")).append("\"");
            List<RunComparison.Finding> bad = fs.stream().filter(f -> f.verdict() == RunComparison.Verdict.REGRESSION)
                    .toList();
            if (bad.isEmpty()) {
                String notes = String.join("\n", fs.stream().map(f -> f.kind() + " " + f.verdict() + ": " + f.detail())
                        .toList());
                sb.append(notes.isEmpty() ? "/>\n" : "><system-out>" + Xml.escape(notes) + "</system-out></testcase>\n");
                continue;
            }
            sb.append(">\n    <failure type=\"regression\" message=\"").append(Xml.escape(bad.get(0).kind() + ": "
                    + bad.get(0).detail())).append("\">");
            sb.append(Xml.escape(String.join("\n", bad.stream().map(f -> f.kind() + ": " + f.detail()).toList())));
            sb.append("</failure>\n  </testcase>\n");
        }
        return sb.append("</testsuite>\n").toString();
    }
}
