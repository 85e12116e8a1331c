package io.initbench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * TOST and detectable difference against values computed with scipy 1.17:
 * {@code max(ttest_1samp(d, -m, alternative='greater').pvalue, ttest_1samp(d, m, alternative='less').pvalue)}
 * for the TOST p, and {@code (t.ppf(0.975, n-1) + t.ppf(0.8, n-1)) * d.std(ddof=1) / sqrt(n)} for the
 * detectable difference.
 */
class EquivalenceTest {
    private static final double MARGIN = 0.005;

    @Test
    void smallSpreadAroundZeroIsEquivalent() {
        Summary d = Summary.of(new double[]{0.001, -0.002, 0.0015, 0.0005, -0.001});
        assertEquals(0.0007768459227327434, Equivalence.tostP(d, MARGIN), 1e-12);
        assertEquals(0.0024234546142840666, Equivalence.detectable(d, 0.05), 1e-12);
    }

    @Test
    void threeNoisySeedsAreInconclusive() {
        Summary d = Summary.of(new double[]{0.01, -0.008, 0.004});
        assertEquals(0.3139478981161873, Equivalence.tostP(d, MARGIN), 1e-12);
        // the seeds could only have detected a difference of ~0.028, over five times the margin
        assertEquals(0.02837998428174147, Equivalence.detectable(d, 0.05), 1e-12);
    }

    @Test
    void aConsistentDifferenceBeyondTheMarginIsNotEquivalent() {
        Summary d = Summary.of(new double[]{-0.011, -0.009, -0.009, -0.012});
        assertEquals(0.9970068721511465, Equivalence.tostP(d, MARGIN), 1e-12);
        assertEquals(0.0031206889632352597, Equivalence.detectable(d, 0.05), 1e-12);
    }

    @Test
    void degenerateCases() {
        assertNull(Equivalence.tostP(Summary.of(new double[]{0.001}), MARGIN), "one pair: no test");
        assertNull(Equivalence.detectable(Summary.of(new double[]{0.001}), 0.05));
        // identical results on every seed: inside the margin exactly, no spread to detect anything with
        assertEquals(0.0, Equivalence.tostP(Summary.of(new double[]{0, 0, 0}), MARGIN));
        assertEquals(1.0, Equivalence.tostP(Summary.of(new double[]{0.01, 0.01}), MARGIN));
        assertNull(Equivalence.detectable(Summary.of(new double[]{0, 0, 0}), 0.05));
    }

    @Test
    void verdictWords() {
        assertEquals("equivalent within ±0.005", Verdict.EQUIVALENT.words(0.005));
        assertEquals("different", Verdict.DIFFERENT.words(0.005));
        assertTrue(Verdict.INCONCLUSIVE.words(0.01).startsWith("inconclusive"));
    }
}
