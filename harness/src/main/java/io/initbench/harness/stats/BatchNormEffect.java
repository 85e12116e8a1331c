package io.initbench.harness.stats;

import io.initbench.harness.spec.CellPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What BatchNorm does to one configuration: the configuration with BatchNorm on against the same
 * configuration with it off (every other parameter equal; at tuned rates, each side at its own chosen
 * rate), compared on the seeds OK in both. Same seed = same data order and the same draw of the weights
 * the two networks share, so the comparison is paired like the initializer ranking.
 *
 * <p>All pairs of one run form one family: their paired t p-values are Holm-adjusted together, because a
 * reader scanning the table for "where does BatchNorm matter" makes every comparison in it at once.
 *
 * @param off        the configuration without BatchNorm
 * @param on         the same configuration with BatchNorm
 * @param onMinusOff the paired comparison, differences taken as on − off
 * @param holmP      the paired t p-value after Holm's adjustment over the run's pairs; null when untested
 */
public record BatchNormEffect(SeedGroup off, SeedGroup on, PairedComparison onMinusOff, Double holmP) {

    /** Significant at {@link Ranking#ALPHA} after Holm's adjustment; null when untested. */
    public Boolean significant() {
        return holmP == null ? null : holmP < Ranking.ALPHA;
    }

    /**
     * The BatchNorm off/on pairs among {@code groups}, in the grid order of their BatchNorm-off side.
     * Tuning cells are left out (they only choose rates); configurations present with only one BatchNorm
     * setting have no pair and are not listed.
     */
    public static List<BatchNormEffect> of(List<SeedGroup> groups) {
        Map<String, SeedGroup[]> pairs = new LinkedHashMap<>();
        for (SeedGroup g : groups) {
            if (g.seeds().get(0).phase() == CellPhase.TUNING) {
                continue;
            }
            pairs.computeIfAbsent(g.keyAcross("batchNorm"), k -> new SeedGroup[2])[g.config().batchNorm() ? 1 : 0] = g;
        }
        List<SeedGroup[]> complete = pairs.values().stream().filter(p -> p[0] != null && p[1] != null).toList();
        List<PairedComparison> comparisons = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (SeedGroup[] p : complete) {
            PairedComparison c = PairedComparison.of(p[0].accuracyBySeed(), p[1].accuracyBySeed());
            comparisons.add(c);
            raw.add(c.pValue());
        }
        List<Double> adjusted = Holm.adjust(raw);
        List<BatchNormEffect> out = new ArrayList<>();
        for (int i = 0; i < complete.size(); i++) {
            out.add(new BatchNormEffect(complete.get(i)[0], complete.get(i)[1], comparisons.get(i), adjusted.get(i)));
        }
        return out;
    }
}
