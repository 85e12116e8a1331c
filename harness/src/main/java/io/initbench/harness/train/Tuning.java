package io.initbench.harness.train;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.spec.TuningSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The choice of a learning rate per configuration from its tuning cells' records. The choice is a pure
 * function of the records, so a resumed, sharded or merged run makes the same choice as a single run.
 */
public final class Tuning {
    private Tuning() {
    }

    /** One rate of one configuration: its tuning cells' mean metric. */
    public record Trial(double learningRate, double meanMetric, int seeds) {
    }

    /** A configuration's trials and the chosen rate (null until every tuning cell is recorded). */
    public record Choice(String tuningId, CellSpec representative, List<Trial> trials, Double chosen) {
        /**
         * Whether the chosen rate is the largest or the smallest of the grid while some rate scored
         * differently: the best rate may then lie beyond the grid, and the configuration was compared at a
         * rate that is only the best of those tried. A configuration that scored the same at every rate (at
         * chance everywhere) chose by the tie rule, not by its scores, and is not at an edge.
         */
        public boolean atEdge() {
            if (chosen == null || trials.size() < 2) {
                return false;
            }
            double first = trials.get(0).meanMetric();
            if (trials.stream().allMatch(t -> t.meanMetric() == first)) {
                return false;
            }
            double min = trials.stream().mapToDouble(Trial::learningRate).min().orElseThrow();
            double max = trials.stream().mapToDouble(Trial::learningRate).max().orElseThrow();
            return chosen == min || chosen == max;
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
            List<Trial> trials = new ArrayList<>();
            boolean complete = true;
            for (double lr : t.learningRates()) {
                List<CellRecord> rs = e.getValue().stream().filter(c -> c.training().learningRate() == lr)
                        .map(c -> byId.get(c.id())).toList();
                if (rs.contains(null)) {
                    complete = false;
                    continue;
                }
                trials.add(new Trial(lr, rs.stream().mapToDouble(r -> score(r, t.metric())).average().orElse(0),
                        rs.size()));
            }
            Double chosen = null;
            if (complete) {
                Trial best = trials.get(0);
                for (Trial trial : trials) {
                    // strictly higher: a tie keeps the rate listed first
                    if (trial.meanMetric() > best.meanMetric()) {
                        best = trial;
                    }
                }
                chosen = best.learningRate();
            }
            out.add(new Choice(e.getKey(), e.getValue().get(0), trials, chosen));
        }
        return out;
    }

    /**
     * The cells of the run as far as the records decide it: every tuning cell, and the final cells at the
     * chosen rate of each configuration whose tuning is complete. Positions are those of {@link Grid#cells}.
     */
    public static List<Integer> decided(SuiteSpec suite, List<CellRecord> records) {
        Map<String, Double> chosen = new HashMap<>();
        for (Choice c : choices(suite, records)) {
            if (c.chosen() != null) {
                chosen.put(c.tuningId(), c.chosen());
            }
        }
        List<CellSpec> grid = Grid.cells(suite);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            CellSpec c = grid.get(i);
            Double rate = chosen.get(c.tuningId());
            if (suite.phaseOf(c) == CellPhase.TUNING || rate != null && rate == c.training().learningRate()) {
                out.add(i);
            }
        }
        return out;
    }

    /** The tuning cells' ids, for tests and reports. */
    public static Set<String> tuningIds(SuiteSpec suite) {
        return Grid.cells(suite).stream().filter(c -> suite.phaseOf(c) == CellPhase.TUNING).map(CellSpec::id)
                .collect(Collectors.toSet());
    }
}
