package io.initbench.harness.stats;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The cells of one configuration (every parameter but the seed), with their statistics.
 *
 * <p><b>Status before accuracy.</b> Only OK seeds have an accuracy here. A DIVERGED seed has no final
 * accuracy to average (its weights are NaN), and a TIMEOUT seed's accuracy is that of a shorter training,
 * so neither is mixed into the mean of full-budget seeds, nor replaced by a made-up value. Instead every
 * report shows how many seeds ended OK ({@link #statusLabel()}) in front of the mean, and the ranking puts
 * a configuration with non-OK seeds after every configuration whose seeds all ended OK.
 *
 * <p>Convergence speed is censored data: see {@link Convergence}.
 *
 * @param config a representative cell (seed of the first record)
 * @param seeds  the records, in grid order
 */
public record SeedGroup(String configId, CellSpec config, List<CellRecord> seeds) {
    public SeedGroup {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a seed group needs at least one record");
        }
    }

    /** Groups records by configuration, in the grid order of each group's first record. */
    public static List<SeedGroup> of(List<CellRecord> records) {
        Map<String, List<CellRecord>> byConfig = new LinkedHashMap<>();
        records.stream().sorted(CellRecord.GRID_ORDER)
                .forEach(r -> byConfig.computeIfAbsent(r.cell().configId(), k -> new ArrayList<>()).add(r));
        List<SeedGroup> out = new ArrayList<>();
        byConfig.forEach((id, rs) -> out.add(new SeedGroup(id, rs.get(0).cell(), rs)));
        return out;
    }

    /**
     * What this configuration shares with those it is compared with across {@code parameter} (initializers
     * ranked across {@code weightInit}, BatchNorm pairs across {@code batchNorm}): every parameter but the
     * seed and those, and but the rate where each configuration trained at its own tuned rate. Groups
     * with equal keys are comparable.
     */
    public String keyAcross(String... parameters) {
        CellPhase phase = seeds.get(0).phase();
        Map<String, String> p = config.parameters();
        p.remove("seed");
        for (String parameter : parameters) {
            p.remove(parameter);
        }
        if (phase == CellPhase.TUNED) {
            // each at the rate tuned for it: the comparison is between tuned configurations
            p.remove("learningRate");
        }
        return phase + " " + p;
    }

    public int count(Status status) {
        return (int) seeds.stream().filter(r -> r.status() == status).count();
    }

    public Map<Status, Integer> statusCounts() {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        seeds.forEach(r -> m.merge(r.status(), 1, Integer::sum));
        return m;
    }

    public int okCount() {
        return count(Status.OK);
    }

    /** Every seed ended OK. */
    public boolean allOk() {
        return okCount() == seeds.size();
    }

    /** "3/3 OK", or "2/3 OK, 1 DIVERGED" (other statuses in {@link Status} order). */
    public String statusLabel() {
        StringBuilder s = new StringBuilder().append(okCount()).append('/').append(seeds.size()).append(" OK");
        statusCounts().forEach((status, n) -> {
            if (status != Status.OK) {
                s.append(", ").append(n).append(' ').append(status.name());
            }
        });
        return s.toString();
    }

    /** Final test accuracy over the OK seeds only; null if none ended OK. */
    public Summary accuracy() {
        double[] v = accuracyBySeed().values().stream().mapToDouble(Double::doubleValue).toArray();
        return v.length == 0 ? null : Summary.of(v);
    }

    /** Seed → final test accuracy of the OK seeds, the values the paired comparisons match by seed. */
    public SortedMap<Long, Double> accuracyBySeed() {
        SortedMap<Long, Double> m = new TreeMap<>();
        for (CellRecord r : seeds) {
            if (r.status() == Status.OK && r.metrics().accuracy().finalTest() != null) {
                m.put(r.cell().seed(), r.metrics().accuracy().finalTest());
            }
        }
        return m;
    }

    /** Samples to target as censored data over the seeds that trained. */
    public Convergence convergence() {
        List<KaplanMeier.Observation> obs = new ArrayList<>();
        for (CellRecord r : seeds) {
            if (!trained(r)) {
                continue;
            }
            Long reached = r.metrics().convergence().samplesToTarget();
            if (reached != null) {
                obs.add(new KaplanMeier.Observation(reached, true));
            } else if (r.status() == Status.TIMEOUT) {
                obs.add(new KaplanMeier.Observation(r.metrics().timing().samples(), false));
            } else {
                obs.add(new KaplanMeier.Observation(r.cell().sampleBudget(), false));
            }
        }
        return new Convergence(obs.size(), reachedTarget(), config.sampleBudget(), evaluationStep(config),
                obs.isEmpty() ? null : KaplanMeier.of(obs));
    }

    /**
     * Samples to target over the seeds that trained with never reached = {@link CellSpec#sampleBudget()}:
     * a budget-filled mean, kept only for {@code compare}'s before/after noise test on one configuration.
     * Reports use {@link #convergence()}.
     */
    public Summary samplesToTarget() {
        double[] v = seeds.stream().filter(SeedGroup::trained).mapToDouble(SeedGroup::samplesToTarget).toArray();
        return v.length == 0 ? null : Summary.of(v);
    }

    /** One seed's samples to target, {@link CellSpec#sampleBudget()} if never reached; null if it never trained. */
    public static Long samplesToTarget(CellRecord r) {
        if (!trained(r)) {
            return null;
        }
        Long reached = r.metrics().convergence().samplesToTarget();
        return reached != null ? reached : r.cell().sampleBudget();
    }

    /** Seeds that reached the target accuracy. */
    public int reachedTarget() {
        return (int) seeds.stream().filter(r -> r.metrics().convergence().samplesToTarget() != null).count();
    }

    /** Seeds that trained at all (OK, DIVERGED or TIMEOUT). */
    public int trainedCount() {
        return (int) seeds.stream().filter(SeedGroup::trained).count();
    }

    /**
     * Training samples between two evaluations: {@code evalEvery} iterations of a full batch, or one epoch
     * when evaluating once per epoch.
     */
    public static long evaluationStep(CellSpec c) {
        long perEpoch = c.sampleBudget() / c.training().epochs();
        int batch = (int) Math.min(c.training().batchSize(), perEpoch);
        return c.training().evalEvery() == 0 ? perEpoch : Math.min(perEpoch * c.training().epochs(),
                (long) c.training().evalEvery() * batch);
    }

    private static boolean trained(CellRecord r) {
        return r.status() == Status.OK || r.status() == Status.DIVERGED || r.status() == Status.TIMEOUT;
    }
}
