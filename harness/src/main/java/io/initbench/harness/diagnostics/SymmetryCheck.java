package io.initbench.harness.diagnostics;

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
     * Units of a DL4J weight tensor: dense W is {@code [nIn, nOut]} (unit = column), conv W is
     * {@code [nOut, nIn, kH, kW]} (unit = first index).
     *
     * @param bias the layer's bias {@code [1, nOut]} or null
     */
    public static double[][] units(INDArray w, INDArray bias) {
        INDArray rows = w.rank() == 2 ? w.transpose() : w.reshape('c', w.size(0), w.length() / w.size(0));
        double[][] m = rows.toDoubleMatrix();
        if (bias == null) {
            return m;
        }
        double[] b = bias.toDoubleVector();
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = java.util.Arrays.copyOf(m[i], m[i].length + 1);
            out[i][m[i].length] = b[i];
        }
        return out;
    }
}
