package io.initbench.harness.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Learning-rate tuning per configuration (a cell less its seed and rate): every configuration first
 * trains at each of {@code learningRates} with each of {@code seeds} (the tuning cells), the rate whose
 * mean {@code metric} over those seeds is highest is chosen, and the suite's own seeds ({@code axes.seed})
 * then train at that rate (the final cells). The metric is read on the validation split, never the test
 * split, so the choice does not leak into the reported test accuracy.
 *
 * <p><b>Ties</b> (equal means, typically every rate at chance) go to the rate nearest the middle of the
 * rates tried, in sorted order; between two equally near, the smaller rate. Never silently the edge.
 *
 * <p><b>Self-extending grid.</b> With {@code minRate} and/or {@code maxRate} set, a configuration whose
 * chosen rate is the largest (smallest) tried, while some rate scored differently, also tries the next rate
 * beyond it, ×{@link #EXTENSION_FACTOR} (÷), and so on until its choice is interior or the next rate would
 * pass the bound. Every rate it could try is in the grid ({@link #allRates()}), so a run, a resumed run and
 * a merge of shards decide the same cells from the same records.
 *
 * @param learningRates the rates every configuration tries
 * @param seeds         the seeds of the tuning cells; disjoint from {@code axes.seed}, so that no final
 *                      result is one the rate was selected on
 * @param metric        what the rate is chosen by
 * @param minRate       lowest rate the grid may extend down to; null = it does not extend down
 * <p><b>Shorter search budget</b> (successive halving). With {@code epochs} and/or {@code trainSize} set, the
 * tuning cells train on that budget instead of the suite's, and only the final seeds get the full one: the
 * rate search then costs a fraction of a full-budget search. The rate that wins a short run is not
 * always the best for a long one (a short budget favours larger rates), which is why the report states
 * both budgets beside the tuning table.
 *
 * @param maxRate       highest rate the grid may extend up to; null = it does not extend up
 * @param epochs        epochs of a tuning cell; null = the suite's {@code training.epochs}
 * @param trainSize     training images of a tuning cell (0 = the whole split less validation); null = the
 *                      suite's {@code training.trainSize}
 */
public record TuningSpec(List<Double> learningRates, List<Long> seeds, Metric metric, Double minRate,
                         Double maxRate, @JsonInclude(JsonInclude.Include.NON_NULL) Integer epochs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer trainSize) {

    /** Each extension step multiplies (divides) the edge rate by this. */
    public static final double EXTENSION_FACTOR = 3;
    /** At most this many extension steps each way: a bound far off must not multiply the grid unnoticed. */
    public static final int MAX_EXTENSION_STEPS = 4;

    /** A grid that does not extend. */
    public TuningSpec(List<Double> learningRates, List<Long> seeds, Metric metric) {
        this(learningRates, seeds, metric, null, null);
    }

    /** A grid searched on the suite's own budget. */
    public TuningSpec(List<Double> learningRates, List<Long> seeds, Metric metric, Double minRate, Double maxRate) {
        this(learningRates, seeds, metric, minRate, maxRate, null, null);
    }

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
        if (new HashSet<>(seeds).size() != seeds.size() || seeds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new SuiteException("tuning.seeds lists a seed twice or an empty one");
        }
        double lo = learningRates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = learningRates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (minRate != null && !(minRate > 0 && minRate <= lo)) {
            throw new SuiteException("tuning.minRate " + minRate + " is not valid: the grid extends down to it from its"
                    + " smallest rate " + lo + ", so give a positive rate at most " + lo + " (or remove it)");
        }
        if (maxRate != null && !(Double.isFinite(maxRate) && maxRate >= hi)) {
            throw new SuiteException("tuning.maxRate " + maxRate + " is not valid: the grid extends up to it from its"
                    + " largest rate " + hi + ", so give a rate at least " + hi + " (or remove it)");
        }
        if (epochs != null && epochs < 1) {
            throw new SuiteException("tuning.epochs " + epochs + " is not valid: give the epochs of a tuning cell,"
                    + " at least 1 (or remove it to tune on the suite's training.epochs)");
        }
        if (trainSize != null && trainSize < 0) {
            throw new SuiteException("tuning.trainSize " + trainSize + " is not valid: give the training images of a"
                    + " tuning cell, 0 for the whole split (or remove it to tune on the suite's training.trainSize)");
        }
        learningRates = List.copyOf(learningRates);
        seeds = List.copyOf(seeds);
    }

    /** Whether the tuning cells train on a budget of their own rather than the suite's. */
    public boolean ownBudget() {
        return epochs != null || trainSize != null;
    }

    /** The training settings of a tuning cell: the suite's, with this spec's budget where it sets one. */
    public TrainingSettings budget(TrainingSettings suite) {
        return suite.withBudget(epochs == null ? suite.epochs() : epochs,
                trainSize == null ? suite.trainSize() : trainSize);
    }

    /** Whether a configuration at an edge tries rates beyond the grid. */
    public boolean extensible() {
        return minRate != null || maxRate != null;
    }

    /** The rate one extension step beyond {@code rate}, up or down, rounded to 4 significant digits. */
    public static double beyond(double rate, boolean up) {
        double r = up ? rate * EXTENSION_FACTOR : rate / EXTENSION_FACTOR;
        return new BigDecimal(r).round(new MathContext(4)).doubleValue();
    }

    /** The next rate beyond {@code rate} within the bound, or null when the bound (or the step limit) stops it. */
    public Double next(double rate, boolean up) {
        Double bound = up ? maxRate : minRate;
        if (bound == null) {
            return null;
        }
        double edge = up ? learningRates.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                : learningRates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double r = edge;
        for (int step = 0; step < MAX_EXTENSION_STEPS; step++) {
            double n = beyond(r, up);
            if (up ? n > bound * (1 + 1e-9) : n < bound * (1 - 1e-9)) {
                return null;
            }
            if (r == rate) {
                return n;
            }
            r = n;
        }
        return null;
    }

    /**
     * Every rate a configuration may try: the listed ones, then the extension ladder up to {@code maxRate},
     * then down to {@code minRate}. These are the grid's rates.
     */
    public List<Double> allRates() {
        List<Double> all = new ArrayList<>(learningRates);
        for (boolean up : new boolean[]{true, false}) {
            double r = up ? learningRates.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    : learningRates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            for (Double n = next(r, up); n != null; n = next(r, up)) {
                if (!all.contains(n)) {
                    all.add(n);
                }
                r = n;
            }
        }
        return List.copyOf(all);
    }
}
