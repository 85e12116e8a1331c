package io.initbench.harness.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The branch-free ReLU loops against libnd4j's relu and relu_bp on the values where a comparison and a
 * bit trick could part ways: NaN, both zeros, both infinities, the smallest subnormal, and random signs.
 */
class ReluLoopsTest {
    private static float[] values() {
        float[] special = {Float.NaN, -Float.NaN, -1f, 2f, 0f, -0f, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xff800001)};
        float[] v = new float[special.length + 64];
        System.arraycopy(special, 0, v, 0, special.length);
        Random r = new Random(5);
        for (int i = special.length; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @Test
    void forwardIsLibnd4jsReluNaNIncluded() {
        float[] pre = values();
        float[] out = new float[pre.length];
        NativeDenseLayer.Loops.biasRelu(pre.clone(), out, null, pre.length, pre.length);
        INDArray stock = new ActivationReLU().getActivation(Nd4j.createFromArray(pre.clone()), true);
        // compared as values with NaN equal to NaN: -0 vs +0 is the one allowed difference
        float[] expected = stock.toFloatVector();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] == 0f ? 0f : expected[i];
        }
        assertArrayEquals(expected, out);
    }

    @Test
    void backwardIsLibnd4jsReluBpNaNIncluded() {
        float[] pre = values();
        float[] g = new float[pre.length];
        Random r = new Random(6);
        for (int i = 0; i < g.length; i++) {
            g[i] = i % 7 == 0 ? Float.NaN : (float) r.nextGaussian();
        }
        float[] fast = g.clone();
        NativeDenseLayer.Loops.reluBackward(pre, fast, pre.length);
        INDArray stock = new ActivationReLU().backprop(Nd4j.createFromArray(pre.clone()),
                Nd4j.createFromArray(g.clone())).getFirst();
        assertArrayEquals(stock.toFloatVector(), fast);
    }
}
