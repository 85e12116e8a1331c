package io.initbench.harness.stats;

import io.initbench.harness.spec.CellSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Initializers ranked and compared within one table: configurations equal in everything but the
 * initializer and the activation (so per dataset × architecture × depth × width × bias init × BatchNorm ×
 * ...), ranked per activation.
 *
 * <p>Order: status before accuracy. Configurations whose seeds all ended OK come first, then those with
 * some non-OK seeds, by the fraction of OK seeds; within each, by mean final accuracy over the OK seeds.
 * A configuration with no OK seed is listed unranked. The order describes; it chooses no test.
 *
 * <p>Comparisons are chosen before the results: within each activation, every pair of initializers
 * (k(k − 1)/2), or every initializer against the baseline the suite declares (k − 1). All the
 * comparisons of one table form its family, Holm-adjusted together: the table answers "which initializers
 * differ, for each activation, in this setting" and the reader makes every comparison in it at once.
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

    /** @param rank 1 = best of its activation; null when no seed ended OK */
    public record Entry(Integer rank, SeedGroup group) {
    }

    /** One activation's initializers, ranked ones first. */
    public record Column(CellSpec representative, List<Entry> entries) {
        public Column {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One table: what stays fixed ({@code key}, {@link SeedGroup#keyAcross} of weightInit and activation; a
     * representative cell), its columns and its family of comparisons.
     */
    public record Family(String key, CellSpec representative, List<Column> columns, ComparisonFamily comparisons) {
        public Family {
            columns = List.copyOf(columns);
        }

        /** Whether some activation has two ranked initializers to compare. */
        public boolean comparable() {
            return columns.stream().anyMatch(c -> c.entries().stream().filter(e -> e.rank() != null).count() >= 2);
        }
    }

    /**
     * The families of {@code groups}, in grid order, with family-adjusted p-values (the run-wide ones are
     * {@link RunStatistics}').
     *
     * @param baseline the declared baseline initializer's label, or null for all pairs
     * @param margin   the equivalence margin
     */
    public static List<Family> of(List<SeedGroup> groups, String baseline, double margin) {
        Map<String, Map<String, List<SeedGroup>>> tables = new LinkedHashMap<>();
        for (SeedGroup g : groups) {
            tables.computeIfAbsent(g.keyAcross("weightInit", "activation"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(g.config().activation().name(), k -> new ArrayList<>()).add(g);
        }
        List<Family> out = new ArrayList<>();
        for (var t : tables.entrySet()) {
            String key = t.getKey();
            Map<String, List<SeedGroup>> table = t.getValue();
            List<Column> columns = new ArrayList<>();
            List<Comparison> raw = new ArrayList<>();
            for (List<SeedGroup> members : table.values()) {
                List<SeedGroup> ranked = new ArrayList<>(members.stream().filter(g -> g.accuracy() != null).toList());
                ranked.sort(BEST_FIRST);
                List<Entry> entries = new ArrayList<>();
                for (int i = 0; i < ranked.size(); i++) {
                    entries.add(new Entry(i + 1, ranked.get(i)));
                }
                members.stream().filter(g -> g.accuracy() == null).forEach(g -> entries.add(new Entry(null, g)));
                columns.add(new Column(members.get(0).config(), entries));
                raw.addAll(comparisons(ranked, members, baseline, margin));
            }
            CellSpec representative = table.values().iterator().next().get(0).config();
            ComparisonFamily family = ComparisonFamily.of(question(representative), baseline == null
                    ? ComparisonFamily.Design.ALL_PAIRS : ComparisonFamily.Design.BASELINE, baseline, raw);
            out.add(new Family(key, representative, columns, family));
        }
        return out;
    }

    /**
     * All pairs of the ranked initializers in rank order (difference = lower-ranked − higher-ranked), or
     * each against the baseline (difference = initializer − baseline). A baseline without an OK seed, or
     * not in this column, leaves the column without comparisons.
     */
    private static List<Comparison> comparisons(List<SeedGroup> ranked, List<SeedGroup> members, String baseline,
                                                double margin) {
        List<Comparison> out = new ArrayList<>();
        if (baseline == null) {
            for (int i = 0; i < ranked.size(); i++) {
                for (int j = i + 1; j < ranked.size(); j++) {
                    out.add(Comparison.raw(ranked.get(i), ranked.get(j), margin));
                }
            }
            return out;
        }
        SeedGroup base = members.stream().filter(g -> g.config().weightInit().label().equals(baseline))
                .findFirst().orElse(null);
        if (base == null || base.accuracy() == null) {
            return out;
        }
        for (SeedGroup g : ranked) {
            if (g != base) {
                out.add(Comparison.raw(base, g, margin));
            }
        }
        return out;
    }

    /** The question a ranking table answers, naming what stays fixed in it. */
    static String question(CellSpec c) {
        return "which initializers differ in final test accuracy, per activation, for " + c.dataset().key() + " "
                + c.architecture().name().toLowerCase(java.util.Locale.ROOT) + c.depth() + "x" + c.width()
                + (c.batchNorm() ? " with BatchNorm" : " without BatchNorm");
    }
}
