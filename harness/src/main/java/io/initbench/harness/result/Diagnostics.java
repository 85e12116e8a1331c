package io.initbench.harness.result;

import java.util.List;

/**
 * Why an initializer works or fails, per cell. Lists added after the first format version are empty
 * in older records, so those stay readable.
 *
 * @param weightLayers     DL4J indices of the weight layers (hidden layers and the output layer), the
 *                         order of every per-layer list below
 * @param stepZero         hidden layers' signal statistics at step 0
 * @param gradientRatio    step-0 gradient norm of the first weight layer ÷ that of the output layer;
 *                         null when the output layer's gradient is exactly 0 (it underflowed). Kept for
 *                         comparison with older runs; it depends on layer shapes and cannot see a
 *                         gradient that is small in every layer: read {@code stepZeroScale}
 * @param during           gradient norms, update ratios and per-layer scale at each evaluation
 * @param distinctUnits    per hidden weight layer at the end of training: units whose incoming weights
 *                         (and bias) differ from every other unit's by more than rounding noise
 *                         (see {@code diagnostics.SymmetryCheck}); 1 = the layer collapsed to one unit
 * @param layerWidths      units per hidden weight layer, for reading distinctUnits
 * @param lsuv             LSUV's per-layer iterations and variance reached (empty unless LSUV)
 * @param stepZeroScale    every weight layer's gradient RMS, activation std and saturation at step 0
 */
public record Diagnostics(List<Integer> weightLayers, List<LayerSignal> stepZero, Double gradientRatio,
                          List<GradientPoint> during, List<Integer> distinctUnits, List<Integer> layerWidths,
                          List<LsuvStep> lsuv, List<LayerScale> stepZeroScale) {
    public Diagnostics {
        weightLayers = copy(weightLayers);
        stepZero = copy(stepZero);
        during = copy(during);
        distinctUnits = copy(distinctUnits);
        layerWidths = copy(layerWidths);
        lsuv = copy(lsuv);
        stepZeroScale = copy(stepZeroScale);
    }

    public Diagnostics(List<Integer> weightLayers, List<LayerSignal> stepZero, Double gradientRatio,
                       List<GradientPoint> during, List<Integer> distinctUnits, List<Integer> layerWidths,
                       List<LsuvStep> lsuv) {
        this(weightLayers, stepZero, gradientRatio, during, distinctUnits, layerWidths, lsuv, List.of());
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** One LSUV layer: passes made and the pre-activation variance reached. */
    public record LsuvStep(int layer, int iterations, double variance) {
    }

    public static Diagnostics none() {
        return new Diagnostics(List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Smallest distinct-unit count over hidden layers, null if not measured. */
    public Integer minDistinctUnits() {
        return distinctUnits.stream().min(Integer::compare).orElse(null);
    }

    public Double maxDeadFraction() {
        return stepZero.stream().map(LayerSignal::deadFraction).filter(d -> d != null).max(Double::compare).orElse(null);
    }

    public Double maxSaturatedFraction() {
        return stepZero.stream().map(LayerSignal::saturatedFraction).filter(d -> d != null).max(Double::compare)
                .orElse(null);
    }

    /** Largest saturated share of any hidden layer at the last evaluation; null if not measured. */
    public Double maxSaturatedFractionAtEnd() {
        return during.isEmpty() ? null : during.get(during.size() - 1).layers().stream()
                .map(LayerScale::saturatedFraction).filter(d -> d != null).max(Double::compare).orElse(null);
    }
}
