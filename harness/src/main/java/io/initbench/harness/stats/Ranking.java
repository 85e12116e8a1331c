package io.initbench.harness.stats;

import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Initializers ranked by mean final accuracy within one family: configurations equal in everything but
 * the initializer (so per dataset × architecture × activation × BatchNorm × ...). Each is tested against
 * the best with Welch's unequal-variance t-test (two-sided); "worse" means p &lt; {@link #ALPHA}.
 * No correction for multiple comparisons is applied, which the report states.
 */
public final class Ranking {
    public static final double ALPHA = 0.05;

    private Ranking() {
    }

    /**
     * @param rank   1 = highest mean accuracy; null when no seed finished
     * @param pValue Welch's t-test against the best; null for the best itself, or when either side has
     *               fewer than 2 finished seeds, or both have zero spread
     */
    public record Entry(Integer rank, SeedGroup group, Double pValue) {
        /** Significantly below the best at {@link #ALPHA}; null when untestable. */
        public Boolean worseThanBest() {
            return pValue == null ? null : pValue < ALPHA;
        }
    }

    /** One family: what stays fixed (described by a representative cell) and its ranked entries. */
    public record Family(CellSpec representative, List<Entry> entries) {
    }

    public static List<Family> of(List<SeedGroup> groups) {
        Map<String, List<SeedGroup>> families = new LinkedHashMap<>();
        for (SeedGroup g : groups) {
            families.computeIfAbsent(familyKey(g), k -> new ArrayList<>()).add(g);
        }
        List<Family> out = new ArrayList<>();
        for (List<SeedGroup> members : families.values()) {
            List<SeedGroup> ranked = new ArrayList<>(members.stream().filter(g -> g.accuracy() != null).toList());
            ranked.sort(Comparator.comparingDouble((SeedGroup g) -> -g.accuracy().mean()));
            List<Entry> entries = new ArrayList<>();
            SeedGroup best = ranked.isEmpty() ? null : ranked.get(0);
            for (int i = 0; i < ranked.size(); i++) {
                SeedGroup g = ranked.get(i);
                entries.add(new Entry(i + 1, g, i == 0 ? null : welch(best.accuracy(), g.accuracy())));
            }
            members.stream().filter(g -> g.accuracy() == null).forEach(g -> entries.add(new Entry(null, g, null)));
            out.add(new Family(members.get(0).config(), entries));
        }
        return out;
    }

    /** Two-sided p-value of Welch's t-test, null when it is undefined. */
    static Double welch(Summary a, Summary b) {
        if (a.n() < 2 || b.n() < 2) {
            return null;
        }
        if (a.sd() == 0 && b.sd() == 0) {
            return null;
        }
        return new TTest().tTest(a.values(), b.values());
    }

    private static String familyKey(SeedGroup g) {
        Map<String, String> p = g.config().parameters();
        p.remove("seed");
        p.remove("weightInit");
        if (g.seeds().get(0).phase() == CellPhase.TUNED) {
            // each initializer at its own tuned rate: the comparison is between tuned configurations
            p.remove("learningRate");
        }
        return p.toString();
    }
}
