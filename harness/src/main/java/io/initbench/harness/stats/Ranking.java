package io.initbench.harness.stats;

import io.initbench.harness.spec.CellSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Initializers ranked within one family: configurations equal in everything but the initializer (so per
 * dataset × architecture × activation × BatchNorm × ...).
 *
 * <p>Order: status before accuracy. Configurations whose seeds all ended OK come first, then those with
 * some non-OK seeds, by the fraction of OK seeds; within each, by mean final accuracy over the OK seeds.
 * A configuration with no OK seed is listed unranked.
 *
 * <p>Each ranked configuration is compared with the first (the best) on the seeds OK in both
 * ({@link PairedComparison}: paired t-test, Wilcoxon signed-rank where it can reach significance, mean
 * difference with its 95% interval). The paired t p-values of one family are Holm-adjusted together
 * ({@link Holm}); "worse than the best" means adjusted p &lt; {@link #ALPHA}.
 */
public final class Ranking {
    public static final double ALPHA = 0.05;

    /** Best first: more OK seeds (as a fraction) first, then higher mean accuracy over the OK seeds. */
    public static final Comparator<SeedGroup> BEST_FIRST = Comparator
            .comparing((SeedGroup g) -> !g.allOk())
            .thenComparingDouble(g -> -(double) g.okCount() / g.seeds().size())
            .thenComparingDouble(g -> -g.accuracy().mean());

    private Ranking() {
    }

    /**
     * @param rank   1 = best; null when no seed ended OK
     * @param vsBest the paired comparison with the best; null for the best itself and for unranked entries
     * @param holmP  the paired t p-value after Holm's adjustment within the family; null when untested
     */
    public record Entry(Integer rank, SeedGroup group, PairedComparison vsBest, Double holmP) {
        /** Significantly below the best at {@link #ALPHA} after Holm's adjustment; null when untested. */
        public Boolean worseThanBest() {
            return holmP == null ? null : holmP < ALPHA;
        }

        /** The unadjusted paired t p-value against the best; null when untested. */
        public Double pValue() {
            return vsBest == null ? null : vsBest.pValue();
        }
    }

    /**
     * One family: what stays fixed (described by a representative cell), its ranked entries (then the
     * unranked ones) and how many comparisons its Holm adjustment spans.
     */
    public record Family(CellSpec representative, List<Entry> entries, int comparisons) {
        /** The reference of every comparison; null when no configuration has an OK seed. */
        public SeedGroup best() {
            return entries.isEmpty() || entries.get(0).rank() == null ? null : entries.get(0).group();
        }
    }

    public static List<Family> of(List<SeedGroup> groups) {
        Map<String, List<SeedGroup>> families = new LinkedHashMap<>();
        for (SeedGroup g : groups) {
            families.computeIfAbsent(g.keyAcross("weightInit"), k -> new ArrayList<>()).add(g);
        }
        List<Family> out = new ArrayList<>();
        for (List<SeedGroup> members : families.values()) {
            List<SeedGroup> ranked = new ArrayList<>(members.stream().filter(g -> g.accuracy() != null).toList());
            ranked.sort(BEST_FIRST);
            List<PairedComparison> comparisons = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                PairedComparison c = i == 0 ? null
                        : PairedComparison.of(ranked.get(0).accuracyBySeed(), ranked.get(i).accuracyBySeed());
                comparisons.add(c);
                raw.add(c == null ? null : c.pValue());
            }
            List<Double> adjusted = Holm.adjust(raw);
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                entries.add(new Entry(i + 1, ranked.get(i), comparisons.get(i), adjusted.get(i)));
            }
            members.stream().filter(g -> g.accuracy() == null).forEach(g -> entries.add(new Entry(null, g, null, null)));
            out.add(new Family(members.get(0).config(), entries, Holm.familySize(raw)));
        }
        return out;
    }
}
