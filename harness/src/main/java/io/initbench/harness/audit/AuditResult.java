package io.initbench.harness.audit;

import java.util.List;

/** What one audit found, as {@code audit.md} and {@code audit.json} show it ({@link AuditReport}). */
public sealed interface AuditResult permits AuditResult.Initializers, AuditResult.Networks {
    /** What was audited, in words. */
    String subject();

    /** Every check, one per initializer × shape or per configuration × weight layer. */
    List<InitAudit.Row> checks();

    /** The rows {@code audit.json} lists. */
    List<?> rows();

    /** {@code audit.md}: each kind of audit has its own table, so a new kind must say what it shows. */
    String markdown();

    /** Deviations not on the known list: the audit's exit code is 1 when there is any. */
    default long failures() {
        return AuditReport.failures(checks());
    }

    default long knownDeviations() {
        return checks().stream().filter(r -> r.verdict() == InitAudit.Verdict.KNOWN_DEVIATION).count();
    }

    /** Initializers sampled on the standard shapes ({@link InitAudit}). */
    record Initializers(List<InitAudit.Row> rows, long samples, long seed) implements AuditResult {
        public Initializers {
            rows = List.copyOf(rows);
        }

        @Override
        public String subject() {
            return "initializers on standard shapes";
        }

        @Override
        public String markdown() {
            return AuditReport.markdown(rows, samples, seed);
        }

        @Override
        public List<InitAudit.Row> checks() {
            return rows;
        }
    }

    /** A suite's built networks, layer by layer ({@link NetworkAudit}). */
    record Networks(String suite, List<NetworkAudit.LayerRow> rows) implements AuditResult {
        public Networks {
            rows = List.copyOf(rows);
        }

        @Override
        public String subject() {
            return "networks of suite " + suite;
        }

        @Override
        public String markdown() {
            return AuditReport.networkMarkdown(suite, rows);
        }

        @Override
        public List<InitAudit.Row> checks() {
            return rows.stream().map(NetworkAudit.LayerRow::check).toList();
        }
    }
}
