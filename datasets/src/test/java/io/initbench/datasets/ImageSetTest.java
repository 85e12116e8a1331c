package io.initbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageSetTest {
    /** 100 images of 1×2×2, label = i mod 10 except that class 9 is rare (only 3 examples). */
    private static ImageSet sample() {
        int n = 100;
        byte[] px = new byte[n * 4];
        byte[] lb = new byte[n];
        for (int i = 0; i < n; i++) {
            int label = i % 10;
            if (label == 9 && i > 30) {
                label = 8;
            }
            lb[i] = (byte) label;
            for (int p = 0; p < 4; p++) {
                px[i * 4 + p] = (byte) (i + p);
            }
        }
        return new ImageSet(n, 1, 2, 2, 10, px, lb);
    }

    @Test
    void balancedSubsetTakesFirstOfEachClassInFileOrder() {
        ImageSet s = sample().balancedSubset(23);
        assertEquals(23, s.count());
        assertArrayEquals(new int[] {3, 3, 3, 2, 2, 2, 2, 2, 2, 2}, s.classCounts());
        // file order kept: the first picks are images 0..9 (one per class), so pixel 0 of pick k is k
        for (int k = 0; k < 10; k++) {
            assertEquals(k, s.pixels()[k * 4]);
        }
        assertEquals(sample().balancedSubset(23), s, "deterministic");
    }

    @Test
    void subsetErrorsNameTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> sample().balancedSubset(0));
        assertThrows(IllegalArgumentException.class, () -> sample().balancedSubset(101));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample().balancedSubset(50));
        assertEquals("class 9 has only 3 examples, a balanced subset of 50 needs 5", e.getMessage());
        ImageSet all = sample();
        assertSame(all, all.balancedSubset(100));
    }

    @Test
    void normalizationUnitAndStandardized() {
        byte[] px = {0, (byte) 255, 51, 102, 0, 0, 0, 0};
        ImageSet s = new ImageSet(2, 2, 1, 2, 2, px, new byte[] {0, 1});
        float[] unit = Normalization.UNIT.apply(s, null);
        assertArrayEquals(new float[] {0f, 1f, 0.2f, 0.4f, 0, 0, 0, 0}, unit, 1e-6f);
        Normalization.ChannelStats stats = Normalization.channelStats(s);
        assertEquals(0.25, stats.mean()[0], 1e-9);
        assertEquals(0.15, stats.mean()[1], 1e-9);
        float[] z = Normalization.STANDARDIZE.apply(s, stats);
        // channel 0 values {0, 1, 0, 0}: mean 0.25, std sqrt(0.1875)
        assertEquals((1 - 0.25) / Math.sqrt(0.1875), z[1], 1e-5);
        double sum = 0;
        for (int i : new int[] {0, 1, 4, 5}) {
            sum += z[i];
        }
        assertEquals(0, sum, 1e-5, "standardised channel has mean 0");
    }
}
