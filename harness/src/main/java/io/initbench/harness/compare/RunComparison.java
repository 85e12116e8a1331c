package io.initbench.harness.compare;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a run with a baseline, configuration by configuration (cells equal in everything but the
 * seed, matched by configuration id).
 *
 * <p>A change counts when it is beyond noise: with 2 or more finished seeds on both sides, the 95%
 * confidence intervals of the means are disjoint; with one seed (no interval), the difference exceeds
 * the tolerance: {@code accuracyTolerance} absolute for final accuracy, {@code speedTolerance} relative
 * for samples to target. Any seed whose status leaves OK is a regression, as is a configuration the
 * baseline has and the run lacks. On the CPU backend results are deterministic, so identical code and
 * settings give no change at all.
 */
public final class RunComparison {

    public enum Verdict { REGRESSION, IMPROVEMENT }

    public enum Kind { STATUS, ACCURACY, SPEED, MISSING, NEW }

    /** One change of one configuration. */
    public record Finding(String configId, String config, Kind kind, Verdict verdict, String detail) {
    }

    /** Every configuration compared, and the changes found. */
    public record Result(List<String> configs, Map<String, String> labels, List<Finding> findings) {
        public boolean regressed() {
            return findings.stream().anyMatch(f -> f.verdict() == Verdict.REGRESSION);
        }

        public List<Finding> of(String configId) {
            return findings.stream().filter(f -> f.configId().equals(configId)).toList();
        }
    }

    private final double accuracyTolerance;
    private final double speedTolerance;

    public RunComparison(double accuracyTolerance, double speedTolerance) {
        if (!(accuracyTolerance >= 0) || !(speedTolerance >= 0)) {
            throw new IllegalArgumentException("compare tolerances must be >= 0 (-Dcompare.accuracyTolerance,"
                    + " -Dcompare.speedTolerance)");
        }
        this.accuracyTolerance = accuracyTolerance;
        this.speedTolerance = speedTolerance;
    }

    public Result compare(List<CellRecord> baseline, List<CellRecord> current) {
        Map<String, SeedGroup> base = byId(SeedGroup.of(results(baseline)));
        Map<String, SeedGroup> cur = byId(SeedGroup.of(results(current)));
        List<String> configs = new ArrayList<>(base.keySet());
        cur.keySet().stream().filter(k -> !base.containsKey(k)).forEach(configs::add);
        Map<String, String> labels = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (String id : configs) {
            SeedGroup b = base.get(id);
            SeedGroup c = cur.get(id);
            String label = (b != null ? b : c).config().configLabel();
            labels.put(id, label);
            if (c == null) {
                findings.add(new Finding(id, label, Kind.MISSING, Verdict.REGRESSION, "in the baseline, not in this run"));
                continue;
            }
            if (b == null) {
                findings.add(new Finding(id, label, Kind.NEW, Verdict.IMPROVEMENT, "new in this run (not compared)"));
                continue;
            }
            status(id, label, b, c, findings);
            accuracy(id, label, b.accuracy(), c.accuracy(), findings);
            speed(id, label, b, c, findings);
        }
        return new Result(configs, labels, findings);
    }

    private static void status(String id, String label, SeedGroup b, SeedGroup c, List<Finding> out) {
        Map<Long, Status> before = new LinkedHashMap<>();
        b.seeds().forEach(r -> before.put(r.cell().seed(), r.status()));
        for (CellRecord r : c.seeds()) {
            Status was = before.get(r.cell().seed());
            if (was == null || was == r.status()) {
                continue;
            }
            Verdict v = was == Status.OK ? Verdict.REGRESSION : r.status() == Status.OK ? Verdict.IMPROVEMENT : null;
            if (v != null) {
                out.add(new Finding(id, label, Kind.STATUS, v, "seed " + r.cell().seed() + ": " + was + " → " + r.status()
                        + (r.reason() == null ? "" : " (" + r.reason() + ")")));
            }
        }
        for (CellRecord r : b.seeds()) {
            if (r.status() == Status.OK && c.seeds().stream().noneMatch(x -> x.cell().seed() == r.cell().seed())) {
                out.add(new Finding(id, label, Kind.MISSING, Verdict.REGRESSION, "seed " + r.cell().seed()
                        + " is not in this run"));
            }
        }
    }

    private void accuracy(String id, String label, Summary b, Summary c, List<Finding> out) {
        if (b == null || c == null) {
            return;
        }
        Verdict v = changed(b, c, Math.abs(c.mean() - b.mean()) > accuracyTolerance, true);
        if (v != null) {
            out.add(new Finding(id, label, Kind.ACCURACY, v, String.format(Locale.ROOT,
                    "final accuracy %s → %s", show(b, 4), show(c, 4))));
        }
    }

    private void speed(String id, String label, SeedGroup bg, SeedGroup cg, List<Finding> out) {
        Summary b = bg.samplesToTarget();
        Summary c = cg.samplesToTarget();
        if (b == null || c == null) {
            return;
        }
        boolean beyond = Math.abs(c.mean() - b.mean()) > speedTolerance * Math.max(1, b.mean());
        // fewer samples to target is better: flip the sense
        Verdict v = changed(b, c, beyond, false);
        if (v != null) {
            out.add(new Finding(id, label, Kind.SPEED, v, String.format(Locale.ROOT,
                    "samples to target %s → %s (reached %d/%d → %d/%d)", show(b, 0), show(c, 0), bg.reachedTarget(),
                    bg.trainedCount(), cg.reachedTarget(), cg.trainedCount())));
        }
    }

    /** REGRESSION/IMPROVEMENT when the change is beyond noise, null otherwise. */
    private static Verdict changed(Summary b, Summary c, boolean beyondTolerance, boolean higherIsBetter) {
        boolean both = b.ciLow() != null && c.ciLow() != null;
        boolean real = both ? b.disjointFrom(c) : beyondTolerance;
        if (!real || c.mean() == b.mean()) {
            return null;
        }
        return (c.mean() > b.mean()) == higherIsBetter ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
    }

    private static String show(Summary s, int decimals) {
        String f = "%." + decimals + "f";
        String m = String.format(Locale.ROOT, f, s.mean());
        return s.halfWidth() == null ? m : m + " ± " + String.format(Locale.ROOT, f, s.halfWidth());
    }

    /** The results of a run: tuning cells only chose rates, they are not results. */
    private static List<CellRecord> results(List<CellRecord> records) {
        return records.stream().filter(r -> r.phase() != CellPhase.TUNING).toList();
    }

    /**
     * Groups by configuration; a configuration at a tuned rate by what was tuned (all but seed and rate),
     * so that a run whose tuning chose another rate compares with its baseline instead of looking like a
     * configuration that disappeared and another that appeared.
     */
    private static Map<String, SeedGroup> byId(List<SeedGroup> groups) {
        Map<String, SeedGroup> m = new LinkedHashMap<>();
        groups.forEach(g -> m.put(g.seeds().get(0).phase() == CellPhase.TUNED ? g.config().tuningId()
                : g.configId(), g));
        return m;
    }
}
