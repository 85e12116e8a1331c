package io.initbench.harness.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initbench.harness.output.Escape;
import io.initbench.harness.output.Format;
import io.initbench.harness.output.OutputWriter;
import io.initbench.harness.spec.SpecJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit as Markdown (one row per initializer × shape, or per configuration × weight layer) and
 * as JSON ({@code audit.json}, the same rows for scripts and CI).
 */
public final class AuditReport {
    private AuditReport() {
    }

    /** {@code audit.md}: the table of the initializer audit or of the network audit. */
    public static final OutputWriter<AuditResult> MARKDOWN = (a, out) -> out.append(a.markdown());

    /** {@code audit.json}: the same rows for scripts and CI. */
    public static final OutputWriter<AuditResult> JSON =
            (a, out) -> out.append(json(a.subject(), a.rows(), a.failures(), a.knownDeviations()));

    /** The files {@code audit} writes, by name. */
    public static Map<String, OutputWriter<AuditResult>> outputs() {
        Map<String, OutputWriter<AuditResult>> m = new LinkedHashMap<>();
        m.put("audit.md", MARKDOWN);
        m.put("audit.json", JSON);
        return m;
    }

    public static String markdown(List<InitAudit.Row> rows, long samples, long seed) {
        StringBuilder sb = new StringBuilder("# Initializer audit\n\n");
        sb.append("Each initializer sampled until ").append(samples).append(" weights per shape were drawn (seed ")
                .append(seed).append("). PASS: variance within ±").append((int) (InitAudit.VARIANCE_TOLERANCE * 100))
                .append("% of the claim (or 5 standard errors, if wider: sparse draws have few non-zeros), mean within sampling error, kurtosis within ±").append(InitAudit.KURTOSIS_TOLERANCE)
                .append(" of the family's (normal 3.0, uniform 1.8), and exact sparsity / orthogonality where"
                        + " claimed. KNOWN_DEVIATION: deviates exactly as the checked-in list of known DL4J"
                        + " deviations says (not a failure).\n\n");
        sb.append("| initializer | shape | fan_in | fan_out | claimed variance | expected | measured | ratio |"
                + " kurtosis exp / meas | check | verdict | note |\n");
        sb.append("|---|---|---:|---:|---|---:|---:|---:|---:|---|---|---|\n");
        for (InitAudit.Row r : rows) {
            sb.append("| ").append(Escape.markdown(r.init())).append(" | ").append(Escape.markdown(r.shape())).append(" | ");
            row(sb, r);
        }
        summary(sb, rows);
        return sb.toString();
    }

    /** The audit of built networks: one row per configuration × weight layer. */
    public static String networkMarkdown(String suite, List<NetworkAudit.LayerRow> rows) {
        StringBuilder sb = new StringBuilder("# Network audit: ").append(Escape.markdown(suite)).append("\n\n");
        sb.append("Each configuration's network built as the trainer builds it (first seed, before any"
                + " data-dependent step); every weight layer's weights checked against the initializer's claim"
                + " with the fans DL4J passes for that layer (dense: nIn, nOut; conv: nIn·kH·kW,"
                + " nOut·kH·kW/(strideH·strideW)). Variance within ±").append((int) (InitAudit.VARIANCE_TOLERANCE * 100))
                .append("% or 5 standard errors of one layer's sample, whichever is wider.\n\n");
        sb.append("| configuration | layer | shape | fan_in | fan_out | claimed variance | expected | measured | ratio |"
                + " kurtosis exp / meas | check | verdict | note |\n");
        sb.append("|---|---:|---|---:|---:|---|---:|---:|---:|---:|---|---|---|\n");
        for (NetworkAudit.LayerRow l : rows) {
            sb.append("| ").append(Escape.markdown(l.configuration())).append(" | ").append(l.layer() < 0 ? ""
                    : l.layer() + " " + Escape.markdown(l.layerType())).append(" | ")
                    .append(Escape.markdown(l.check().shape())).append(" | ");
            row(sb, l.check());
        }
        summary(sb, rows.stream().map(NetworkAudit.LayerRow::check).toList());
        return sb.toString();
    }

    private static void row(StringBuilder sb, InitAudit.Row r) {
        InitAudit.Expected e = r.expected();
        InitAudit.Measured m = r.measured();
        sb.append(Format.plain(r.fanIn())).append(" | ").append(Format.plain(r.fanOut())).append(" | ")
                .append(Escape.markdown(e.formula())).append(" | ")
                .append(g(e.variance())).append(" | ").append(g(m.variance())).append(" | ")
                .append(m.ratio() == null ? "" : Format.fixed(m.ratio(), 3)).append(" | ")
                .append(e.kurtosis() == null ? "" : Format.fixed(e.kurtosis(), 1))
                .append(m.kurtosis() == null ? "" : " / " + Format.fixed(m.kurtosis(), 2))
                .append(" | ").append(Escape.markdown(m.check())).append(" | ")
                .append(r.verdict() == InitAudit.Verdict.FAIL ? "**FAIL**" : r.verdict().name()).append(" | ")
                .append(r.note() == null ? "" : Escape.markdown(r.note())).append(" |\n");
    }

    private static void summary(StringBuilder sb, List<InitAudit.Row> rows) {
        long fails = failures(rows);
        long known = rows.stream().filter(r -> r.verdict() == InitAudit.Verdict.KNOWN_DEVIATION).count();
        sb.append("\n").append(fails).append(" new deviation(s) and ").append(known).append(" known deviation(s) in ")
                .append(rows.size()).append(" checks.\n");
    }

    /** Deviations not on the known list: the audit's exit code is 1 when there is any. */
    public static long failures(List<InitAudit.Row> rows) {
        return rows.stream().filter(r -> r.verdict() == InitAudit.Verdict.FAIL).count();
    }

    /** {@code audit.json}: what was audited, the counts that decide the exit code, and every row. */
    public static String json(String subject, List<?> rows, long failures, long known) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("subject", subject);
        doc.put("newDeviations", failures);
        doc.put("knownDeviations", known);
        doc.put("rows", rows);
        try {
            ObjectMapper m = SpecJson.json();
            // NaN (no measurement) as null, like result files
            m.configure(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature(), false);
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(nanToNull(m.valueToTree(doc)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit.json: " + e.getMessage(), e);
        }
    }

    private static JsonNode nanToNull(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> keys = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonNode v = o.get(k);
                o.set(k, v.isNumber() && !Double.isFinite(v.doubleValue()) ? NullNode.getInstance() : nanToNull(v));
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                a.set(i, v.isNumber() && !Double.isFinite(v.doubleValue()) ? NullNode.getInstance() : nanToNull(v));
            }
        }
        return n;
    }

    private static String g(Double v) {
        return v == null || v.isNaN() ? "" : Format.significant(v, 4);
    }
}
