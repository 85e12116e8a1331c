package io.initbench.harness.result;

import java.util.List;

/**
 * Per weight layer, at one evaluation point: the loss gradient's L2 norm on the latest batch, the
 * last update's size relative to the weights (‖ΔW‖/‖W‖; healthy SGD runs sit near 1e-3, a run about
 * to explode shows it growing well before the NaN), and each layer's absolute gradient and activation
 * scale with its saturation ({@code layers}; empty in records written before it was measured).
 */
public record GradientPoint(long iteration, List<Double> gradientNorms, List<Double> updateRatios,
                            List<LayerScale> layers) {
    public GradientPoint {
        gradientNorms = List.copyOf(gradientNorms);
        // null where no ratio exists (all-zero weights): List.copyOf would reject it
        updateRatios = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(updateRatios));
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    public GradientPoint(long iteration, List<Double> gradientNorms, List<Double> updateRatios) {
        this(iteration, gradientNorms, updateRatios, List.of());
    }
}
