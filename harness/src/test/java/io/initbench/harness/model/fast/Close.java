package io.initbench.harness.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Float-tolerance comparison of two arrays of the same shape, relative to the larger magnitude. */
final class Close {
    private Close() {
    }

    static void assertClose(INDArray expected, INDArray actual, double rtol, String what) {
        assertClose(expected, actual, rtol, 1e-6, what);
    }

    /** As above, the magnitude taken as at least {@code floor}. */
    static void assertClose(INDArray expected, INDArray actual, double rtol, double floor, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double scale = Math.max(floor, Math.max(expected.amaxNumber().doubleValue(), actual.amaxNumber().doubleValue()));
        double diff = expected.castTo(actual.dataType()).sub(actual).amaxNumber().doubleValue();
        assertTrue(Double.isFinite(diff) && diff <= rtol * scale,
                what + ": max |difference| " + diff + " > " + rtol + " × " + scale);
    }
}
