package io.initbench.harness.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the heatmap colours of {@code report.html} span ({@code -Dreport.colorScale}). The default,
 * {@link #ERROR}, is fixed (a colour means the same value in every report) and still tells 0.94 from
 * 0.97: accuracy is coloured by its error rate on a log scale, where trained cells differ by a factor of
 * two and chance level sits at the far end. {@link #FIXED} spreads 0 to 1 linearly (every trained cell
 * the same yellow); {@link #RUN} stretches this run's range (small, noisy differences look large).
 */
public enum ColorScale {
    /** Accuracy by its error, 1 − accuracy, on a log scale fixed from 1% to 100%; samples as {@link #FIXED}. */
    ERROR,
    /** Accuracy 0 to 1; samples to target on a log scale from 1/100 of the sample budget to the budget. */
    FIXED,
    /** The lowest to the highest value of this run (stretches small differences; stated on the colour bar). */
    RUN;

    public static final String OPTION = "report.colorScale";

    /** The scale of a report that names none: the command line's and the library's default. */
    public static final ColorScale DEFAULT = ERROR;

    /** The scale named by the option's value; the default when null or blank. */
    public static ColorScale parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + OPTION + "=" + value + " is not a colour scale; use one of "
                    + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()
                    + " (default " + DEFAULT.name().toLowerCase(Locale.ROOT) + ")");
        }
    }
}
