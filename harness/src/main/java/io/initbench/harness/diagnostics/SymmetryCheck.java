package io.initbench.harness.diagnostics;

import io.initbench.harness.model.UnitLayout;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts the distinct units of a weight layer. Each unit is the vector of its incoming weights and its
 * bias; two units are the same when the Euclidean distance between their vectors is at most
 * {@code tol} times the larger of their norms. Relative to the units' own norms, so one exploded unit
 * cannot make the ordinary ones look alike, and over the whole vector rather than element by element,
 * so a weight that happens to be near zero in both units does not turn rounding into a "difference".
 *
 * <p>A symmetric init (all-zero or constant weights, constant biases) gives every unit the same
 * gradient, so in exact arithmetic the count stays 1: the layer has an effective width of one. In
 * floats BLAS rounds different output columns differently; that drift is relative to the weights and
 * stays orders of magnitude below {@link #DEFAULT_TOLERANCE} unless training amplifies it (measured
 * in {@code docs/design/diagnostics.md}). Random biases drawn per unit can be closer than 1e-3 relative: the
 * element-wise 1e-3 rule this replaces merged one or two of 64 units in the ZERO-weight, random-bias
 * cells of the symmetry suite's reference run.
 */
public final class SymmetryCheck {
    /** Relative distance below which two units are the same unit. */
    public static final double DEFAULT_TOLERANCE = 1e-5;

    private SymmetryCheck() {
    }

    /** {@link #distinctUnits(double[][], double)} at the default tolerance. */
    public static int distinctUnits(double[][] units) {
        return distinctUnits(units, DEFAULT_TOLERANCE);
    }

    /**
     * Greedy grouping: each unit joins the first representative within the tolerance, else becomes
     * one. For exact copies plus drift far below {@code tol} the grouping is unambiguous.
     *
     * @param units one row per unit: its incoming weights followed by its bias (if any)
     */
    public static int distinctUnits(double[][] units, double tol) {
        List<double[]> representatives = new ArrayList<>();
        List<Double> norms = new ArrayList<>();
        for (double[] u : units) {
            double norm = norm(u);
            boolean seen = false;
            for (int r = 0; r < representatives.size(); r++) {
                if (distance(u, representatives.get(r)) <= tol * Math.max(norm, norms.get(r))) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                representatives.add(u);
                norms.add(norm);
            }
        }
        return representatives.size();
    }

    /** ‖a − b‖ / max(‖a‖, ‖b‖); 0 for two zero vectors. */
    public static double relativeDistance(double[] a, double[] b) {
        double scale = Math.max(norm(a), norm(b));
        return scale == 0 ? 0 : distance(a, b) / scale;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
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
