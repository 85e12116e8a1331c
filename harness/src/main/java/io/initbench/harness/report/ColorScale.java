package io.initbench.harness.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the heatmap colours of {@code report.html} span ({@code -Dreport.colorScale}). The default is a
 * fixed scale, so that a colour means the same value in every report: a spread of 0.959 to 0.975,
 * whose confidence intervals may overlap, is two shades of yellow, not purple against yellow.
 */
public enum ColorScale {
    /** Accuracy 0 to 1; samples to target on a log scale from 1/100 of the sample budget to the budget. */
    FIXED,
    /** The lowest to the highest value of this run (stretches small differences; stated on the colour bar). */
    RUN;

    public static final String OPTION = "report.colorScale";

    /** The scale named by the option's value; the default when null or blank. */
    public static ColorScale parse(String value) {
        if (value == null || value.isBlank()) {
            return FIXED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + OPTION + "=" + value + " is not a colour scale; use one of "
                    + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()
                    + " (default fixed)");
        }
    }
}
