package io.initbench.harness.diagnostics;

import io.initbench.harness.model.UnitLayout;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts the distinct units of a weight layer: two units are the same if every incoming weight and the
 * bias agree element-wise within {@code tol × max(|a|, |b|) + 1e-7}. Element-wise, so that one
 * exploded unit cannot make the ordinary ones look alike.
 *
 * <p>A symmetric init (all-zero or constant weights, constant biases) gives every unit the same
 * gradient, so in exact arithmetic the count stays 1: the layer has an effective width of one. In
 * floats it is not exact: BLAS rounds different output columns differently, and training can amplify
 * those ulp-sized differences (measured here: CONSTANT(0.01) + tanh, 940 Nesterov steps, units ended
 * O(1) apart, while under ReLU they stayed within 3e-4 relative). The default tolerance of 1e-3 counts
 * rounding-level differences as the same unit and real divergence as different ones.
 */
public final class SymmetryCheck {
    public static final double DEFAULT_TOLERANCE = 1e-3;

    private SymmetryCheck() {
    }

    /**
     * @param units  one row per unit: its incoming weights followed by its bias (if any)
     */
    public static int distinctUnits(double[][] units, double tol) {
        List<double[]> representatives = new ArrayList<>();
        for (double[] u : units) {
            boolean seen = false;
            for (double[] r : representatives) {
                if (same(u, r, tol)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                representatives.add(u);
            }
        }
        return representatives.size();
    }

    private static boolean same(double[] a, double[] b, double tol) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tol * Math.max(Math.abs(a[i]), Math.abs(b[i])) + 1e-7) {
                return false;
            }
        }
        return true;
    }

    /**
     * One row per unit of a DL4J weight parameter (its incoming weights, laid out as {@link UnitLayout}
     * describes), followed by the unit's bias when there is one.
     *
     * @param bias the layer's bias {@code [1, units]} or null
     */
    public static double[][] units(INDArray w, INDArray bias) {
        UnitLayout layout = UnitLayout.of(w);
        float[] flat = UnitLayout.flat(w);
        double[] b = bias == null ? null : bias.toDoubleVector();
        double[][] out = new double[layout.units()][layout.fanIn() + (b == null ? 0 : 1)];
        for (int u = 0; u < layout.units(); u++) {
            for (int i = 0; i < layout.fanIn(); i++) {
                out[u][i] = flat[u * layout.fanIn() + i];
            }
            if (b != null) {
                out[u][layout.fanIn()] = b[u];
            }
        }
        return out;
    }
}
