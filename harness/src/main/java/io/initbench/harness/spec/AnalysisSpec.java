package io.initbench.harness.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a suite's results are compared ({@code analysis:} in the suite file); it changes no cell, only the
 * statistics drawn from them, so it is not part of {@link SuiteSpec#settingsFingerprint()}.
 *
 * @param margin   the smallest difference in final test accuracy that matters in practice (the equivalence
 *                 margin δ): two configurations whose paired difference lies within ±δ with 95% confidence
 *                 (two one-sided tests) are called equivalent. Default {@link #DEFAULT_MARGIN}.
 * @param baseline per compared axis, the value every other value is compared with (a reference declared
 *                 before the run, e.g. {@code weightInit: XAVIER_UNIFORM}); an axis not listed is compared
 *                 all pairs against all pairs. Only {@link #COMPARED_AXES} can have one.
 */
public record AnalysisSpec(Double margin, Map<String, String> baseline) {
    /** Half a percentage point of accuracy: 50 of the 10,000 MNIST test images. */
    public static final double DEFAULT_MARGIN = 0.005;
    /** The axes whose values a report compares with one another (the rankings compare initializers). */
    public static final Set<String> COMPARED_AXES = Set.of("weightInit");

    public static final AnalysisSpec DEFAULT = new AnalysisSpec(null, null);

    public AnalysisSpec {
        margin = margin == null ? DEFAULT_MARGIN : margin;
        if (!(margin > 0 && margin < 1)) {
            throw new SuiteException("analysis.margin " + margin + " is not valid: give the smallest accuracy"
                    + " difference that matters, a number between 0 and 1 (default " + DEFAULT_MARGIN + ")");
        }
        Map<String, String> b = new LinkedHashMap<>();
        if (baseline != null) {
            for (var e : baseline.entrySet()) {
                if (!COMPARED_AXES.contains(e.getKey())) {
                    throw new SuiteException("analysis.baseline." + e.getKey() + ": only " + COMPARED_AXES
                            + " can have a baseline (the axis the rankings compare); remove it");
                }
                if (e.getValue() == null || e.getValue().isBlank()) {
                    throw new SuiteException("analysis.baseline." + e.getKey() + " is empty; name one of the"
                            + " suite's " + e.getKey() + " values, or remove it to compare all pairs");
                }
                b.put(e.getKey(), e.getValue().strip());
            }
        }
        baseline = Map.copyOf(b);
    }

    /** The declared baseline of {@code axis}, or null when that axis is compared all pairs. */
    public String baselineOf(String axis) {
        return baseline.get(axis);
    }
}
