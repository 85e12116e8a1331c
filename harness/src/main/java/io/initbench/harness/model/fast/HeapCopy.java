package io.initbench.harness.model.fast;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between ND4J's native float buffers and Java arrays. Per-channel work on small
 * activations (BatchNorm's statistics and its backward pass) costs more in ND4J op dispatch than in
 * arithmetic; two memcpys and plain loops over Java arrays, which the JIT vectorises, cost less.
 * A dense, row-major (or vector) float array is copied directly; any other (a strided view, another type)
 * goes through a row-major float copy on the way in and through ND4J's assign on the way out.
 */
public final class HeapCopy {
    private HeapCopy() {
    }

    /** Whether {@code a} occupies one unbroken run of floats in row-major order. */
    public static boolean dense(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.isEmpty()) {
            return false;
        }
        if (a.isVector() || a.isScalar()) {
            return a.elementWiseStride() == 1;
        }
        return a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a);
    }

    /** The array's data pointer; a view's buffer already starts at the view's first element. */
    private static FloatPointer pointer(INDArray a) {
        return new FloatPointer(a.data().addressPointer());
    }

    /** The array's elements in row-major order, into {@code into} when it is large enough, else a new array. */
    public static float[] read(INDArray a, float[] into) {
        INDArray src = dense(a) ? a : a.castTo(DataType.FLOAT).dup('c');
        int n = (int) src.length();
        float[] dst = into != null && into.length >= n ? into : new float[n];
        pointer(src).get(dst, 0, n);
        return dst;
    }

    /** The first {@code a.length()} floats of {@code from} into {@code a}, in row-major order. */
    public static void write(float[] from, INDArray a) {
        int n = (int) a.length();
        if (dense(a)) {
            pointer(a).put(from, 0, n);
        } else {
            a.assign(Nd4j.createFromArray(Arrays.copyOf(from, n)).reshape(a.shape()));
        }
    }
}
