package io.initbench.harness.stats;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of one configuration (every parameter but the seed), with their statistics.
 *
 * <p>Convergence speed is training samples until the test accuracy first reached the target. A seed that
 * never reached it (including one that diverged or timed out first) counts as the full budget, as DeepOBS
 * does: dropping it would make a configuration that rarely converges look fast. Cells that never trained
 * (SKIPPED, ERROR) have no speed and no accuracy; they are counted, not averaged.
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
        records.stream().sorted(Comparator.comparingInt(CellRecord::index))
                .forEach(r -> byConfig.computeIfAbsent(r.cell().configId(), k -> new ArrayList<>()).add(r));
        List<SeedGroup> out = new ArrayList<>();
        byConfig.forEach((id, rs) -> out.add(new SeedGroup(id, rs.get(0).cell(), rs)));
        return out;
    }

    public int count(Status status) {
        return (int) seeds.stream().filter(r -> r.status() == status).count();
    }

    public Map<Status, Integer> statusCounts() {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        seeds.forEach(r -> m.merge(r.status(), 1, Integer::sum));
        return m;
    }

    /** Final test accuracy over the seeds that finished; null if none did. */
    public Summary accuracy() {
        double[] v = seeds.stream().filter(r -> r.metrics().finalAccuracy() != null)
                .mapToDouble(r -> r.metrics().finalAccuracy()).toArray();
        return v.length == 0 ? null : Summary.of(v);
    }

    /** Samples to target over the seeds that trained, never reached = {@link CellSpec#sampleBudget()}. */
    public Summary samplesToTarget() {
        double[] v = seeds.stream().filter(SeedGroup::trained).mapToDouble(SeedGroup::samplesToTarget).toArray();
        return v.length == 0 ? null : Summary.of(v);
    }

    /** One seed's samples to target, {@link CellSpec#sampleBudget()} if never reached; null if it never trained. */
    public static Long samplesToTarget(CellRecord r) {
        if (!trained(r)) {
            return null;
        }
        return r.metrics().samplesToTarget() != null ? r.metrics().samplesToTarget() : r.cell().sampleBudget();
    }

    /** Seeds that reached the target accuracy. */
    public int reachedTarget() {
        return (int) seeds.stream().filter(r -> r.metrics().samplesToTarget() != null).count();
    }

    /** Seeds that trained at all (OK, DIVERGED or TIMEOUT). */
    public int trainedCount() {
        return (int) seeds.stream().filter(SeedGroup::trained).count();
    }

    private static boolean trained(CellRecord r) {
        return r.status() == Status.OK || r.status() == Status.DIVERGED || r.status() == Status.TIMEOUT;
    }
}
