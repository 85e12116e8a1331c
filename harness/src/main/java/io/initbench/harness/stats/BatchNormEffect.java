package io.initbench.harness.stats;

import io.initbench.harness.spec.CellPhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What BatchNorm does, configuration by configuration: the configuration with BatchNorm on against the
 * same configuration with it off (every other parameter equal; at tuned rates, each side at its own chosen
 * rate), compared on the seeds OK in both. Same seed = same data order and the same draw of the weights the
 * two networks share, so the comparison is paired like the initializer comparisons.
 *
 * <p>The pairs are fixed by the design (off against on), and all pairs of one run form the family of the
 * one table that shows them: "where does BatchNorm change the accuracy".
 */
public final class BatchNormEffect {
    private BatchNormEffect() {
    }

    /** The question the BatchNorm table answers. */
    public static final String QUESTION = "where does BatchNorm change final test accuracy (every configuration run"
            + " both with and without it)";

    /**
     * The off/on pairs among {@code groups}, in the grid order of their BatchNorm-off side, as one family
     * (reference = off, other = on); null when no configuration has both. Tuning cells are left out (they
     * only choose rates).
     */
    public static ComparisonFamily of(List<SeedGroup> groups, double margin) {
        Map<String, SeedGroup[]> pairs = new LinkedHashMap<>();
        for (SeedGroup g : groups) {
            if (g.seeds().get(0).phase() == CellPhase.TUNING) {
                continue;
            }
            pairs.computeIfAbsent(g.keyAcross("batchNorm"), k -> new SeedGroup[2])[g.config().batchNorm() ? 1 : 0] = g;
        }
        List<Comparison> raw = new ArrayList<>();
        for (SeedGroup[] p : pairs.values()) {
            if (p[0] != null && p[1] != null) {
                raw.add(Comparison.raw(p[0], p[1], margin));
            }
        }
        return raw.isEmpty() ? null : ComparisonFamily.of(QUESTION, ComparisonFamily.Design.MATCHED, null, raw);
    }
}
