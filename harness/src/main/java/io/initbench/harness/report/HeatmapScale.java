package io.initbench.harness.report;

import io.initbench.harness.output.Format;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.util.List;
import java.util.function.Function;

/**
 * The colour scale of a heatmap in {@code report.html}: values in [lo, hi] (logs of samples when
 * {@code log}) spread over viridis; for samples, fewer is better and brighter. {@code statement} is
 * written under the colour bar. The factories pick the scale {@link ColorScale} asks for.
 */
record HeatmapScale(double lo, double hi, boolean log, String statement, Function<Double, String> tick,
                    HeatScale accuracy) {
    HeatmapScale(double lo, double hi, boolean log, String statement, Function<Double, String> tick) {
        this(lo, hi, log, statement, tick, null);
    }

    /** Position in [0, 1] on viridis, bright = good. */
    double t(double v) {
        if (accuracy != null) {
            return accuracy.position(v);
        }
        return log ? 1 - (Math.log(Math.max(v, 1)) - lo) / (hi - lo) : (v - lo) / (hi - lo);
    }

    String tickAt(double f) {
        if (accuracy != null) {
            return tick.apply(accuracy.valueAt(f));
        }
        double v = lo + f * (hi - lo);
        return tick.apply(log ? Math.exp(v) : v);
    }

    /** The scale of mean accuracy in {@code colorScale}'s mode. */
    static HeatmapScale forAccuracy(ColorScale colorScale, List<CellRecord> records) {
        Function<Double, String> tick = v -> Format.fixed(v, 2);
        if (colorScale == ColorScale.ERROR) {
            HeatScale e = HeatScale.ERROR_LOG;
            return new HeatmapScale(0, 1, false, e.statement(), v -> Format.fixed(v, 2), e);
        }
        if (colorScale == ColorScale.FIXED) {
            return new HeatmapScale(0, 1, false, "colour: accuracy on a fixed scale, 0 to 1", tick);
        }
        double lo = 1;
        double hi = 0;
        for (SeedGroup g : SeedGroup.of(records)) {
            Summary s = g.accuracy();
            if (s != null) {
                lo = Math.min(lo, s.mean());
                hi = Math.max(hi, s.mean());
            }
        }
        if (lo >= hi) {
            lo = Math.max(0, hi - 0.1);
            hi = Math.max(hi, 0.1);
        }
        return new HeatmapScale(lo, hi, false, "colour: accuracy over this run's range, " + Format.fixed(lo, 4)
                + " to " + Format.fixed(hi, 4), v -> Format.fixed(v, 3));
    }

    /** Samples to target on a log scale fixed by the budget, the same in every report. */
    static HeatmapScale fixedSpeed(long budget) {
        return new HeatmapScale(Math.log(Math.max(1, budget / 100.0)), Math.log(budget), true,
                "colour: log scale fixed at budget/100 to budget; grey = not reached", Format::human);
    }

    /** Log scale over the medians of the configurations that reached the target; null if none did. */
    static HeatmapScale runSpeed(List<CellRecord> records) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SeedGroup g : SeedGroup.of(records)) {
            Double m = g.reachedTarget() == 0 ? null : g.convergence().median();
            if (m != null) {
                lo = Math.min(lo, Math.log(Math.max(1, m)));
                hi = Math.max(hi, Math.log(Math.max(1, m)));
            }
        }
        if (lo > hi) {
            return null;
        }
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        return new HeatmapScale(lo, hi, true, "colour: log scale over this run's medians; grey = not reached",
                Format::human);
    }
}
