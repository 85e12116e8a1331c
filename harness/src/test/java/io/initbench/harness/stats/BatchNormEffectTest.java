package io.initbench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.CellRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class BatchNormEffectTest {
    private static final double[] XAVIER_OFF = {0.90, 0.91, 0.92, 0.93, 0.94};
    private static final double[] XAVIER_ON = {0.95, 0.955, 0.97, 0.975, 0.99};
    private static final double[] RELU_OFF = {0.96, 0.95, 0.97, 0.94, 0.955};
    private static final double[] RELU_ON = {0.962, 0.949, 0.968, 0.943, 0.954};

    @Test
    void pairsEachConfigurationWithItsBatchNormTwinOnSharedSeedsAndHolmAdjustsAcrossPairs() {
        Records r = Records.withBatchNormOffAndOn("XAVIER", "RELU", "ZERO");
        List<CellRecord> records = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            records.add(r.ok("XAVIER", s + 1, XAVIER_OFF[s]));
            records.add(r.ok("RELU", s + 1, RELU_OFF[s]));
            // ZERO has no BatchNorm twin: it has nothing to be compared with
            records.add(r.ok("ZERO", s + 1, 0.1135));
        }
        for (int s = 0; s < 5; s++) {
            records.add(r.okWithBatchNorm("XAVIER", s + 1, XAVIER_ON[s]));
            // seed 5 of RELU+BN is missing: that pair is compared on the 4 seeds both have
            if (s < 4) {
                records.add(r.okWithBatchNorm("RELU", s + 1, RELU_ON[s]));
            }
        }
        ComparisonFamily family = BatchNormEffect.of(SeedGroup.of(records), 0.005);
        assertEquals(ComparisonFamily.Design.MATCHED, family.design());
        List<Comparison> effects = family.comparisons();
        assertEquals(2, effects.size(), "XAVIER and RELU have both settings; ZERO has no twin");
        Comparison xavier = effects.get(0);
        Comparison relu = effects.get(1);
        assertEquals("XAVIER", xavier.reference().config().weightInit().label());
        assertFalse(xavier.reference().config().batchNorm());
        assertTrue(xavier.other().config().batchNorm());
        assertEquals("RELU", relu.other().config().weightInit().label());

        double pXavier = new TTest().pairedTTest(XAVIER_ON, XAVIER_OFF);
        double pRelu = new TTest().pairedTTest(java.util.Arrays.copyOf(RELU_ON, 4), java.util.Arrays.copyOf(RELU_OFF, 4));
        assertEquals(5, xavier.paired().pairs());
        assertEquals(4, relu.paired().pairs());
        assertEquals(0.048, xavier.paired().difference().mean(), 1e-12, "mean of on − off");
        assertEquals(pXavier, xavier.pValue(), 1e-12);
        assertEquals(pRelu, relu.pValue(), 1e-12);
        // Holm with m = 2: the smaller p doubled, the larger kept (and never below the smaller's adjustment)
        double small = Math.min(pXavier, pRelu);
        double large = Math.max(pXavier, pRelu);
        assertTrue(pXavier < pRelu, "the fixture makes BatchNorm matter for XAVIER only");
        assertEquals(Math.min(1, 2 * small), xavier.holmFamily(), 1e-12);
        assertEquals(Math.max(Math.min(1, 2 * small), large), relu.holmFamily(), 1e-12);
        assertEquals(Verdict.DIFFERENT, xavier.verdict());
        // RELU: differences +0.002, −0.001, −0.002, +0.003, within ±0.005 with 4 seeds
        // (scipy: TOST p = max(ttest_1samp(d, -0.005, 'greater'), ttest_1samp(d, 0.005, 'less')) = 0.0162, Holm over the 2 pairs 0.0324)
        assertEquals(0.01621335671661286, relu.tostP(), 1e-12);
        assertEquals(2 * 0.01621335671661286, relu.tostHolm(), 1e-12);
        assertEquals(Verdict.EQUIVALENT, relu.verdict());
    }

    @Test
    void noPairsWithoutBothSettings() {
        Records r = new Records("XAVIER", "RELU");
        List<CellRecord> records = List.of(r.ok("XAVIER", 1, 0.9), r.ok("RELU", 1, 0.95));
        assertNull(BatchNormEffect.of(SeedGroup.of(records), 0.005));
        Records both = Records.withBatchNormOffAndOn("XAVIER");
        Comparison one = BatchNormEffect.of(SeedGroup.of(List.of(both.ok("XAVIER", 1, 0.9),
                both.okWithBatchNorm("XAVIER", 1, 0.95))), 0.005).comparisons().get(0);
        assertEquals(1, one.paired().pairs());
        assertNull(one.pValue(), "one pair: no test");
        assertNull(one.holmFamily());
        assertEquals(Verdict.INCONCLUSIVE, one.verdict());
    }
}
