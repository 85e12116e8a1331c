package io.initbench.harness.model;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How DL4J lays out a weight tensor in its flat parameter view, seen as "units × incoming weights":
 * dense weights are {@code [nIn, nOut]} in 'f' order, conv weights {@code [nOut, nIn, kH, kW]} in 'c'
 * order (checked against the M2.1 param initializers). In both, unit u's incoming weights are the
 * contiguous run {@code [u * fanIn, (u + 1) * fanIn)} of the flat view, which is what sparse and
 * orthogonal init need.
 */
public record UnitLayout(int units, int fanIn) {

    public static UnitLayout of(long[] shape, char order) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("weights must have rank >= 2, got " + Arrays.toString(shape));
        }
        long total = 1;
        for (long s : shape) {
            total *= s;
        }
        long units = order == 'f' ? shape[shape.length - 1] : shape[0];
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("weight tensor " + Arrays.toString(shape) + " is too large");
        }
        return new UnitLayout((int) units, (int) (total / units));
    }

    /** The layout of a DL4J weight parameter, e.g. {@code layer.getParam("W")}. */
    public static UnitLayout of(INDArray weights) {
        return of(weights.shape(), weights.ordering());
    }

    /** Unit u's incoming weights, unit by unit: the parameter's flat data in its own order. */
    public static float[] flat(INDArray weights) {
        return weights.dup(weights.ordering()).data().asFloat();
    }

    public int size() {
        return units * fanIn;
    }
}
