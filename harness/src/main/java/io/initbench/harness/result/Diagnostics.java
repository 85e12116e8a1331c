package io.initbench.harness.result;

import java.util.List;

/**
 * Why an initializer works or fails, per cell.
 *
 * @param weightLayers     DL4J indices of the weight layers (hidden layers and the output layer), the
 *                         order of every per-layer list below
 * @param stepZero         hidden layers' signal statistics at step 0
 * @param gradientRatio    step-0 gradient norm of the first weight layer ÷ that of the output layer:
 *                         ≪ 1 vanishing, ≫ 1 exploding
 * @param during           gradient norms and update ratios at each evaluation
 * @param distinctUnits    per hidden weight layer at the end of training: units whose incoming weights
 *                         (and bias) differ from every other unit's by more than rounding noise
 *                         (1e-3 relative); 1 = the layer collapsed to one unit
 * @param gradientRatio    null when the output layer's gradient is exactly 0 (it underflowed)
 * @param layerWidths      units per hidden weight layer, for reading distinctUnits
 * @param lsuv             LSUV's per-layer iterations and variance reached (empty unless LSUV)
 */
public record Diagnostics(List<Integer> weightLayers, List<LayerSignal> stepZero, Double gradientRatio,
                          List<GradientPoint> during, List<Integer> distinctUnits, List<Integer> layerWidths,
                          List<LsuvStep> lsuv) {
    public Diagnostics {
        weightLayers = List.copyOf(weightLayers);
        stepZero = List.copyOf(stepZero);
        during = List.copyOf(during);
        distinctUnits = List.copyOf(distinctUnits);
        layerWidths = List.copyOf(layerWidths);
        lsuv = List.copyOf(lsuv);
    }

    /** One LSUV layer: passes made and the pre-activation variance reached. */
    public record LsuvStep(int layer, int iterations, double variance) {
    }

    public static Diagnostics none() {
        return new Diagnostics(List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of());
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
}
