package io.initbench.harness.output;

import io.initbench.harness.spec.CellOverride;
import io.initbench.harness.spec.RateSchedule;
import io.initbench.harness.spec.SuiteSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one place where numbers become text in every output (reports, audit, benchmark): always in
 * {@link Locale#ROOT}, so a German or French locale never writes {@code 0,95} into a table or CSV.
 * Escaping of user-controlled text is {@link Escape}'s.
 */
public final class Format {
    private Format() {
    }

    /** {@code v} with a fixed number of decimals: {@code fixed(0.95, 3)} is {@code 0.950}. */
    public static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code v} to {@code digits} significant digits ({@code %g}): {@code significant(0.0123456, 4)} is {@code 0.01235}. */
    public static String significant(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "g", v);
    }

    /** {@code v} as written in a formula: a whole number without decimals, else Java's shortest form; NaN as empty. */
    public static String plain(double v) {
        return Double.isNaN(v) ? "" : v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A count of samples, short: 950, 12.8k, 1.20M. */
    public static String human(double samples) {
        if (samples >= 1e6) {
            return fixed(samples / 1e6, 2) + "M";
        }
        if (samples >= 1e3) {
            return fixed(samples / 1e3, 1) + "k";
        }
        return fixed(samples, 0);
    }

    /** A learning rate as written in suites: 0.1, 0.00001 (no exponent, no padding). */
    public static String rate(double r) {
        return BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
    }

    /** The rate(s) of the suite: the axis values, or the tuning grid; and the schedule unless constant. */
    public static String rates(SuiteSpec suite) {
        List<Double> rates = suite.tuning() == null ? suite.axes().learningRate() : suite.tuning().learningRates();
        String list = rates.stream().map(Format::rate).collect(Collectors.joining(", "));
        RateSchedule schedule = suite.training().rateSchedule();
        return (suite.tuning() == null ? list : "tuned per configuration from {" + list + "}")
                + (schedule == RateSchedule.CONSTANT ? "" : ", " + schedule.describe());
    }

    /**
     * The suite's overrides, one line each: "activation SIGMOID: lr 1 fixed by the suite (not tuned); training
     * epochs 16, rateSchedule CONSTANT — reason".
     */
    public static List<String> overrides(SuiteSpec suite) {
        List<String> lines = new ArrayList<>();
        for (CellOverride o : suite.overrides()) {
            List<String> parts = new ArrayList<>();
            if (o.learningRate() != null) {
                parts.add("lr " + rate(o.learningRate()) + (suite.tuning() != null ? " fixed by the suite (not tuned)"
                        : " (in place of axes.learningRate)"));
            }
            if (o.training() != null && !o.training().isEmpty()) {
                List<String> settings = new ArrayList<>();
                o.training().fields().forEachRemaining(e -> settings.add(e.getKey() + " " + e.getValue().asText()));
                parts.add("training " + String.join(", ", settings));
            }
            lines.add(o.label() + ": " + String.join("; ", parts) + (o.reason().isEmpty() ? "" : " — " + o.reason()));
        }
        return lines;
    }
}
