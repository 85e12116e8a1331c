package io.initbench.harness.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Learning-rate tuning per configuration (a cell less its seed and rate): every configuration first
 * trains at each of {@code learningRates} with each of {@code seeds} (the tuning cells), the rate whose
 * mean {@code metric} over those seeds is highest is chosen (ties: the rate listed first), and the suite's
 * own seeds ({@code axes.seed}) then train at that rate (the final cells). The metric is read on the
 * validation split, never the test split, so the choice does not leak into the reported test accuracy.
 *
 * @param learningRates the rates tried
 * @param seeds         the seeds of the tuning cells; disjoint from {@code axes.seed}, so that no final
 *                      result is one the rate was selected on
 * @param metric        what the rate is chosen by
 */
public record TuningSpec(List<Double> learningRates, List<Long> seeds, Metric metric) {

    /** What a tuning cell is judged by; a cell that diverged or did not train counts as 0. */
    public enum Metric {
        /** validation accuracy after the last update */
        FINAL_VALIDATION,
        /** best validation accuracy at any evaluation */
        BEST_VALIDATION
    }

    public TuningSpec {
        if (learningRates == null || learningRates.isEmpty()) {
            throw new SuiteException("tuning.learningRates is empty; list the rates to try, e.g. [0.3, 0.1, 0.03]");
        }
        if (seeds == null || seeds.isEmpty()) {
            throw new SuiteException("tuning.seeds is empty; give the seeds of the tuning cells, e.g. [101]");
        }
        if (metric == null) {
            throw new SuiteException("tuning.metric is missing; use FINAL_VALIDATION or BEST_VALIDATION");
        }
        Set<Double> seen = new HashSet<>();
        for (Double lr : learningRates) {
            if (lr == null || !(lr > 0) || !Double.isFinite(lr)) {
                throw new SuiteException("tuning.learningRates: " + lr + " is not a valid rate; use positive numbers");
            }
            if (!seen.add(lr)) {
                throw new SuiteException("tuning.learningRates lists " + lr + " twice; remove the duplicate");
            }
        }
        if (new HashSet<>(seeds).size() != seeds.size() || seeds.contains(null)) {
            throw new SuiteException("tuning.seeds lists a seed twice or an empty one");
        }
        learningRates = List.copyOf(learningRates);
        seeds = List.copyOf(seeds);
    }
}
