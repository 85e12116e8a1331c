package io.initbench.harness.audit;

import java.util.List;
import java.util.Locale;

/** The audit as a Markdown table: one row per initializer × shape. */
public final class AuditReport {
    private AuditReport() {
    }

    public static String markdown(List<InitAudit.Row> rows, long samples, long seed) {
        StringBuilder sb = new StringBuilder("# Initializer audit\n\n");
        sb.append("Each initializer sampled until ").append(samples).append(" weights per shape were drawn (seed ")
                .append(seed).append("). PASS: variance within ±").append((int) (InitAudit.VARIANCE_TOLERANCE * 100))
                .append("% of the claim (or 5 standard errors, if wider: sparse draws have few non-zeros), mean within sampling error, kurtosis within ±").append(InitAudit.KURTOSIS_TOLERANCE)
                .append(" of the family's (normal 3.0, uniform 1.8), and exact sparsity / orthogonality where"
                        + " claimed.\n\n");
        sb.append("| initializer | shape | fan_in | fan_out | claimed variance | expected | measured | ratio |"
                + " kurtosis exp / meas | check | verdict | note |\n");
        sb.append("|---|---|---:|---:|---|---:|---:|---:|---:|---|---|---|\n");
        for (InitAudit.Row r : rows) {
            sb.append("| ").append(r.init()).append(" | ").append(r.shape()).append(" | ").append(num(r.fanIn()))
                    .append(" | ").append(num(r.fanOut())).append(" | ").append(r.formula()).append(" | ")
                    .append(g(r.expectedVariance())).append(" | ").append(g(r.measuredVariance())).append(" | ")
                    .append(r.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f", r.ratio())).append(" | ")
                    .append(r.expectedKurtosis() == null ? "" : String.format(Locale.ROOT, "%.1f", r.expectedKurtosis()))
                    .append(r.measuredKurtosis() == null ? "" : String.format(Locale.ROOT, " / %.2f", r.measuredKurtosis()))
                    .append(" | ").append(r.check().replace("|", "\\|")).append(" | ")
                    .append(r.verdict() == InitAudit.Verdict.FAIL ? "**FAIL**" : r.verdict().name()).append(" | ")
                    .append(r.note() == null ? "" : r.note().replace("|", "\\|").replace("\n", " ")).append(" |\n");
        }
        long fails = rows.stream().filter(r -> r.verdict() == InitAudit.Verdict.FAIL).count();
        sb.append("\n").append(fails).append(" deviation(s) in ").append(rows.size()).append(" checks.\n");
        return sb.toString();
    }

    private static String g(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
