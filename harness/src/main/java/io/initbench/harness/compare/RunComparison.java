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
import java.util.function.Function;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Compares a run with a baseline, configuration by configuration (cells equal in everything but the
 * seed, matched by configuration id), seed by seed: each seed of the run is paired with the same seed
 * of the baseline, which started from the same weights and saw the same batches, so their difference
 * is the change and the spread between seeds is not mistaken for one. The caller restricts both sides
 * to the seeds they share ({@link ComparisonScope}).
 *
 * <p>For final accuracy and for samples to target (never reached = the sample budget) the paired
 * differences over the seeds both sides finished are summarised. A change counts when it exceeds the
 * tolerance ({@code accuracyTolerance} absolute, {@code speedTolerance} relative to the baseline's
 * mean) and, with 2 or more pairs, the 95% Student-t confidence interval of the mean difference
 * excludes zero (paired t-test, p shown). With one pair there is no interval: the tolerance alone
 * decides. Any seed whose status leaves OK is a regression, as is a configuration or seed the baseline
 * has and the run lacks. On the CPU backend results are deterministic, so identical code and settings
 * give differences of exactly zero.
 */
public final class RunComparison {

    public enum Verdict { REGRESSION, IMPROVEMENT }

    public enum Kind { STATUS, ACCURACY, SPEED, MISSING, NEW }

    /** One change of one configuration. */
    public record Finding(String configId, String config, Kind kind, Verdict verdict, String detail) {
    }

    /**
     * One configuration side by side, whatever the verdict: the mean final accuracy of the seeds both
     * sides finished, in the baseline and in the run, their mean paired difference and the tolerance.
     *
     * @param pairs seeds with an accuracy on both sides (0: none, the numbers are null)
     */
    public record Side(String configId, String config, int pairs, Double baseline, Double run, Double delta,
                       double tolerance) {
    }

    /** Every configuration compared, the changes found, and each configuration side by side. */
    public record Result(List<String> configs, Map<String, String> labels, List<Finding> findings, List<Side> sides) {
        public Result {
            configs = List.copyOf(configs);
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            findings = List.copyOf(findings);
            sides = List.copyOf(sides);
        }

        public Result(List<String> configs, Map<String, String> labels, List<Finding> findings) {
            this(configs, labels, findings, List.of());
        }

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
        List<Side> sides = new ArrayList<>();
        for (String id : configs) {
            SeedGroup b = base.get(id);
            SeedGroup c = cur.get(id);
            String label = (b != null ? b : c).config().configLabel();
            labels.put(id, label);
            if (c == null) {
                findings.add(new Finding(id, label, Kind.MISSING, Verdict.REGRESSION, "in the baseline, not in this run"));
                sides.add(new Side(id, label, 0, meanAccuracy(b), null, null, accuracyTolerance));
                continue;
            }
            if (b == null) {
                findings.add(new Finding(id, label, Kind.NEW, Verdict.IMPROVEMENT, "new in this run (not compared)"));
                sides.add(new Side(id, label, 0, null, meanAccuracy(c), null, accuracyTolerance));
                continue;
            }
            status(id, label, b, c, findings);
            Map<Long, CellRecord> before = bySeed(b);
            Map<Long, CellRecord> after = bySeed(c);
            paired(id, label, Kind.ACCURACY, before, after, r -> r.metrics().accuracy().finalTest(), true, findings);
            sides.add(side(id, label, before, after));
            paired(id, label, Kind.SPEED, before, after, r -> {
                Long v = SeedGroup.samplesToTarget(r);
                return v == null ? null : v.doubleValue();
            }, false, findings);
        }
        return new Result(configs, labels, findings, sides);
    }

    /** The mean final accuracy of a configuration's seeds that have one; null when none has. */
    private static Double meanAccuracy(SeedGroup g) {
        var acc = g.seeds().stream().map(r -> r.metrics().accuracy().finalTest())
                .filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).average();
        return acc.isPresent() ? acc.getAsDouble() : null;
    }

    /** The accuracy side by side over the seeds both have one for (OK or not: a diverged seed shows too). */
    private Side side(String id, String label, Map<Long, CellRecord> before, Map<Long, CellRecord> after) {
        List<Double> was = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        before.forEach((seed, b) -> {
            CellRecord c = after.get(seed);
            Double x = b.metrics().accuracy().finalTest();
            Double y = c == null ? null : c.metrics().accuracy().finalTest();
            if (x != null && y != null && Double.isFinite(x) && Double.isFinite(y)) {
                was.add(x);
                now.add(y);
            }
        });
        if (was.isEmpty()) {
            return new Side(id, label, 0, null, null, null, accuracyTolerance);
        }
        double b = was.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double r = now.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Side(id, label, was.size(), b, r, r - b, accuracyTolerance);
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

    /** One metric over the seeds both sides have a value for; see the class comment for the rule. */
    private void paired(String id, String label, Kind kind, Map<Long, CellRecord> before, Map<Long, CellRecord> after,
                        Function<CellRecord, Double> metric, boolean higherIsBetter, List<Finding> out) {
        List<Long> seeds = new ArrayList<>();
        List<Double> was = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        before.forEach((seed, b) -> {
            CellRecord c = after.get(seed);
            Double x = metric.apply(b);
            Double y = c == null ? null : metric.apply(c);
            if (x != null && y != null) {
                seeds.add(seed);
                was.add(x);
                now.add(y);
            }
        });
        if (seeds.isEmpty()) {
            return;
        }
        double[] x = was.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = now.stream().mapToDouble(Double::doubleValue).toArray();
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = y[i] - x[i];
        }
        Summary diff = Summary.of(d);
        Summary base = Summary.of(x);
        double tolerance = kind == Kind.ACCURACY ? accuracyTolerance : speedTolerance * Math.max(1, base.mean());
        boolean beyondTolerance = Math.abs(diff.mean()) > tolerance;
        boolean beyondNoise = diff.ciLow() == null || diff.ciLow() > 0 || diff.ciHigh() < 0;
        if (!beyondTolerance || !beyondNoise) {
            return;
        }
        Verdict v = (diff.mean() > 0) == higherIsBetter ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
        int decimals = kind == Kind.ACCURACY ? 4 : 0;
        String what = kind == Kind.ACCURACY ? "final accuracy" : "samples to target";
        String f = "%." + decimals + "f";
        StringBuilder detail = new StringBuilder(String.format(Locale.ROOT, what + " " + f + " → " + f, base.mean(),
                Summary.of(y).mean()));
        if (seeds.size() == 1) {
            detail.append(String.format(Locale.ROOT, " (seed %d: Δ %+." + decimals + "f, tolerance "
                    + f + ")", seeds.get(0), diff.mean(), tolerance));
        } else {
            detail.append(String.format(Locale.ROOT, " (paired over seeds %s: Δ %+." + decimals + "f ± " + f + ", p %s)",
                    seeds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")), diff.mean(),
                    diff.halfWidth(), pValue(x, y, diff)));
        }
        if (kind == Kind.SPEED) {
            long reachedBefore = seeds.stream().filter(s -> reached(before.get(s))).count();
            long reachedAfter = seeds.stream().filter(s -> reached(after.get(s))).count();
            detail.append(String.format(Locale.ROOT, "; reached target %d/%d → %d/%d", reachedBefore, seeds.size(),
                    reachedAfter, seeds.size()));
        }
        out.add(new Finding(id, label, kind, v, detail.toString()));
    }

    /** Two-sided paired t-test p-value; with identical differences (no spread) it is 0 (or 1 for none). */
    private static String pValue(double[] x, double[] y, Summary diff) {
        if (diff.sd() == 0) {
            return diff.mean() == 0 ? "= 1" : "≈ 0: every seed changed by the same amount";
        }
        double p = new TTest().pairedTTest(x, y);
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "= %.4f", p);
    }

    private static boolean reached(CellRecord r) {
        return r.metrics().convergence().samplesToTarget() != null;
    }

    private static Map<Long, CellRecord> bySeed(SeedGroup g) {
        Map<Long, CellRecord> m = new LinkedHashMap<>();
        g.seeds().forEach(r -> m.put(r.cell().seed(), r));
        return m;
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
