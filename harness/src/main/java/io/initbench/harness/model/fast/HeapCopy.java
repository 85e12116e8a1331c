package io.initbench.harness.model.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Bulk copies between ND4J's native float buffers and Java arrays. Per-channel work on small
 * activations (BatchNorm's statistics and its backward pass) costs more in ND4J op dispatch than in
 * arithmetic; two memcpys and plain loops over Java arrays, which the JIT vectorises, cost less.
 * Only dense, row-major (or vector) float arrays qualify; callers fall back to ND4J ops otherwise.
 */
final class HeapCopy {
    private HeapCopy() {
    }

    /** Whether {@code a} occupies one unbroken run of floats in row-major order. */
    static boolean dense(INDArray a) {
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

    static float[] read(INDArray a, float[] into) {
        int n = (int) a.length();
        float[] dst = into != null && into.length >= n ? into : new float[n];
        pointer(a).get(dst, 0, n);
        return dst;
    }

    static void write(float[] from, INDArray a) {
        pointer(a).put(from, 0, (int) a.length());
    }
}
