package io.initbench.harness.stats;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.spec.TuningSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The choice of a learning rate per configuration from its tuning cells' records. The choice is a pure
 * function of the records, so a resumed, sharded or merged run makes the same choice as a single run.
 *
 * <p>The rules ({@link TuningSpec}): highest mean metric over the tuning seeds; ties toward the middle of the
 * rates tried; an edge choice extends the grid when the suite sets bounds.
 */
public final class Tuning {
    private Tuning() {
    }

    /**
     * One rate of one configuration.
     *
     * @param meanMetric mean score over the tuning seeds (a seed without a score counts 0, see {@link #score})
     * @param perSeed    each tuning seed's score, in seed order
     * @param failed     tuning seeds that diverged or did not train (scored 0, shown by status, not as 0)
     * @param failures   their statuses, e.g. "2 DIVERGED"; empty when none failed
     */
    public record Trial(double learningRate, double meanMetric, int seeds, List<Double> perSeed, int failed,
                        String failures) {
        public Trial {
            perSeed = List.copyOf(perSeed);
        }

        /** Largest minus smallest score over the tuning seeds: how much one seed could have moved the choice. */
        public double spread() {
            return perSeed.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                    - perSeed.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }
    }

    /**
     * A configuration's trials (sorted by rate) and the chosen rate (null until every tuning cell it needs is
     * recorded).
     *
     * @param pending rates it still has to try (the next extension step), empty once decided
     * @param tie     the best mean was shared by several rates and the tie rule chose
     */
    public record Choice(String tuningId, CellSpec representative, List<Trial> trials, Double chosen,
                         List<Double> pending, boolean tie) {
        /**
         * Whether the chosen rate is the largest or the smallest tried while some rate scored differently:
         * the best rate may then lie beyond what was tried (with an extending grid: the bound stopped it). A
         * configuration that scored the same at every rate chose by the tie rule and is not at an edge.
         */
        public boolean atEdge() {
            return chosen != null && edge(trials, chosen) != null;
        }

        /** The chosen rate's trial; null before the choice. */
        public Trial chosenTrial() {
            return chosen == null ? null : trials.stream().filter(t -> t.learningRate() == chosen).findFirst()
                    .orElse(null);
        }
    }

    /** A tuning cell's score: the metric on validation; a cell without one (diverged, not trained) scores 0. */
    public static double score(CellRecord r, TuningSpec.Metric metric) {
        if (r.status() != Status.OK && r.status() != Status.TIMEOUT) {
            return 0;
        }
        Double v = switch (metric) {
            case FINAL_VALIDATION -> r.metrics().accuracy().finalValidation();
            case BEST_VALIDATION -> r.metrics().accuracy().best();
        };
        return v == null ? 0 : v;
    }

    /**
     * The best of {@code trials} (sorted by rate): highest mean; among equal means the one nearest the middle
     * of the sorted list, the smaller rate when two are equally near.
     */
    static Trial best(List<Trial> trials) {
        double top = trials.stream().mapToDouble(Trial::meanMetric).max().orElseThrow();
        double middle = (trials.size() - 1) / 2.0;
        Trial best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < trials.size(); i++) {
            double d = Math.abs(i - middle);
            // strictly nearer: in rate order, the smaller of two equally near rates wins
            if (trials.get(i).meanMetric() == top && d < bestDistance) {
                best = trials.get(i);
                bestDistance = d;
            }
        }
        return best;
    }

    /** +1 when {@code chosen} is the largest rate of {@code trials}, −1 the smallest, null interior or all equal. */
    private static Boolean edge(List<Trial> trials, double chosen) {
        if (trials.size() < 2) {
            return null;
        }
        double first = trials.get(0).meanMetric();
        if (trials.stream().allMatch(t -> t.meanMetric() == first)) {
            return null;
        }
        if (chosen == trials.get(trials.size() - 1).learningRate()) {
            return true;
        }
        return chosen == trials.get(0).learningRate() ? false : null;
    }

    /** The choice of every configuration of the suite, in grid order, from whatever records there are. */
    public static List<Choice> choices(SuiteSpec suite, List<CellRecord> records) {
        TuningSpec t = suite.tuning();
        Map<String, CellRecord> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.cellId(), r));
        Map<String, List<CellSpec>> tuningCells = new LinkedHashMap<>();
        for (CellSpec c : Grid.cells(suite)) {
            if (suite.phaseOf(c) == CellPhase.TUNING) {
                tuningCells.computeIfAbsent(c.tuningId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Choice> out = new ArrayList<>();
        for (var e : tuningCells.entrySet()) {
            List<Double> rates = new ArrayList<>(t.learningRates());
            while (true) {
                List<Trial> trials = new ArrayList<>();
                List<Double> pending = new ArrayList<>();
                for (double lr : rates) {
                    List<CellRecord> rs = e.getValue().stream().filter(c -> c.learningRate() == lr)
                            .sorted(Comparator.comparingLong(CellSpec::seed)).map(c -> byId.get(c.id())).toList();
                    if (rs.contains(null)) {
                        pending.add(lr);
                        continue;
                    }
                    List<Double> scores = rs.stream().map(r -> score(r, t.metric())).toList();
                    Map<Status, Long> bad = rs.stream().filter(r -> r.status() != Status.OK && r.status() != Status.TIMEOUT)
                            .collect(Collectors.groupingBy(CellRecord::status, () -> new java.util.EnumMap<>(Status.class),
                                    Collectors.counting()));
                    String failures = bad.entrySet().stream().map(b -> b.getValue() + " " + b.getKey().name())
                            .collect(Collectors.joining(", "));
                    trials.add(new Trial(lr, scores.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                            rs.size(), scores, (int) bad.values().stream().mapToLong(Long::longValue).sum(), failures));
                }
                trials.sort(Comparator.comparingDouble(Trial::learningRate));
                if (!pending.isEmpty()) {
                    out.add(new Choice(e.getKey(), e.getValue().get(0), trials, null, pending, false));
                    break;
                }
                Trial best = best(trials);
                Boolean up = edge(trials, best.learningRate());
                Double next = up == null ? null : t.next(best.learningRate(), up);
                if (next != null) {
                    rates.add(next);
                    continue;
                }
                boolean tie = trials.stream().filter(x -> x.meanMetric() == best.meanMetric()).count() > 1;
                out.add(new Choice(e.getKey(), e.getValue().get(0), trials, best.learningRate(), List.of(), tie));
                break;
            }
        }
        return out;
    }

    /**
     * The cells of the run as far as the records decide it: every tuning cell a configuration needs (its
     * listed rates and the extension steps its records call for), the final cells at the chosen rate of
     * each configuration whose tuning is complete, and the cells whose rate an override fixes. Positions are
     * those of {@link Grid#cells}.
     */
    public static List<Integer> decided(SuiteSpec suite, List<CellRecord> records) {
        Map<String, Double> chosen = new HashMap<>();
        Map<String, Set<Double>> tried = new HashMap<>();
        for (Choice c : choices(suite, records)) {
            if (c.chosen() != null) {
                chosen.put(c.tuningId(), c.chosen());
            }
            Set<Double> rates = new java.util.HashSet<>(c.pending());
            c.trials().forEach(x -> rates.add(x.learningRate()));
            tried.put(c.tuningId(), rates);
        }
        List<CellSpec> grid = Grid.cells(suite);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            CellSpec c = grid.get(i);
            double lr = c.learningRate();
            Double rate = chosen.get(c.tuningId());
            CellPhase phase = suite.phaseOf(c);
            boolean tuning = phase == CellPhase.TUNING;
            // a grid cell in a tuned suite is one whose rate an override fixes: decided from the start
            if (phase == CellPhase.GRID
                    || tuning && tried.getOrDefault(c.tuningId(), Set.of()).contains(lr)
                    || phase == CellPhase.TUNED && rate != null && rate == lr) {
                out.add(i);
            }
        }
        return out;
    }

    /** Whether a cell is trained before any record decides anything: a grid cell, or tuning at a listed rate. */
    public static boolean initial(SuiteSpec suite, CellSpec c) {
        return switch (suite.phaseOf(c)) {
            case GRID -> true;
            case TUNING -> suite.tuning().learningRates().contains(c.learningRate());
            case TUNED -> false;
        };
    }

    /** The tuning cells' ids, for tests and reports. */
    public static Set<String> tuningIds(SuiteSpec suite) {
        return Grid.cells(suite).stream().filter(c -> suite.phaseOf(c) == CellPhase.TUNING).map(CellSpec::id)
                .collect(Collectors.toSet());
    }
}
