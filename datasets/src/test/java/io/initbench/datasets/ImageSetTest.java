package io.initbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
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
    void stratifiedSubsetKeepsClassProportionsAndIsSeeded() {
        ImageSet all = sample();
        // class counts 10 ×8, 17, 3 of 100; 23 of them: shares 2.3 each, 3.91 for class 8, 0.69 for class 9
        // -> floors 2×8 + 3 + 0 = 19; the 4 left go to the largest remainders: class 8, class 9, then 0 and 1
        ImageSet s = all.stratifiedSubset(23, 7);
        assertEquals(23, s.count());
        assertArrayEquals(new int[] {3, 3, 2, 2, 2, 2, 2, 2, 4, 1}, s.classCounts());
        assertEquals(s, all.stratifiedSubset(23, 7), "same seed, same subset");
        assertNotEquals(s, all.stratifiedSubset(23, 8), "another seed draws other images");
        // not file order: over several seeds the images taken of class 0 are not always the first two
        boolean notHead = false;
        for (long seed = 0; seed < 10; seed++) {
            int[] idx = all.stratifiedIndices(23, seed);
            notHead |= idx[0] != 0 || idx[1] != 10;
        }
        assertTrue(notHead, "subsets must not be the head of the file");
    }

    @Test
    void stratifiedSplitIsDisjointAndCoversTheSet() {
        ImageSet all = sample();
        ImageSet.Partition p = all.stratifiedSplit(30, 3);
        assertEquals(30, p.chosen().count());
        assertEquals(70, p.rest().count());
        // every pixel pattern is unique (pixel 0 of image i is i), so disjointness is visible on pixel 0
        Set<Byte> chosen = new HashSet<>();
        for (int i = 0; i < p.chosen().count(); i++) {
            chosen.add(p.chosen().pixels()[i * 4]);
        }
        Set<Byte> union = new HashSet<>(chosen);
        for (int i = 0; i < p.rest().count(); i++) {
            assertFalse(chosen.contains(p.rest().pixels()[i * 4]), "an image is in both parts");
            union.add(p.rest().pixels()[i * 4]);
        }
        assertEquals(100, union.size());
        int[] whole = all.classCounts();
        int[] part = p.chosen().classCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(whole[c] * 0.3, part[c], 1.0, "class " + c + " in proportion");
        }
        assertEquals(p.chosen(), all.stratifiedSubset(30, 3), "the split's chosen part is the subset");
    }

    @Test
    void subsetErrorsNameTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> sample().stratifiedSubset(0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sample().stratifiedSubset(101, 1));
        assertTrue(e.getMessage().contains("only 100"), e.getMessage());
        ImageSet all = sample();
        assertSame(all, all.stratifiedSubset(100, 1));
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
