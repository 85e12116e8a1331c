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
        List<BatchNormEffect> effects = BatchNormEffect.of(SeedGroup.of(records));
        assertEquals(2, effects.size(), "XAVIER and RELU have both settings; ZERO has no twin");
        BatchNormEffect xavier = effects.get(0);
        BatchNormEffect relu = effects.get(1);
        assertEquals("XAVIER", xavier.off().config().weightInit().label());
        assertFalse(xavier.off().config().batchNorm());
        assertTrue(xavier.on().config().batchNorm());
        assertEquals("RELU", relu.on().config().weightInit().label());

        double pXavier = new TTest().pairedTTest(XAVIER_ON, XAVIER_OFF);
        double pRelu = new TTest().pairedTTest(java.util.Arrays.copyOf(RELU_ON, 4), java.util.Arrays.copyOf(RELU_OFF, 4));
        assertEquals(5, xavier.onMinusOff().pairs());
        assertEquals(4, relu.onMinusOff().pairs());
        assertEquals(0.048, xavier.onMinusOff().difference().mean(), 1e-12, "mean of on − off");
        assertEquals(pXavier, xavier.onMinusOff().pValue(), 1e-12);
        assertEquals(pRelu, relu.onMinusOff().pValue(), 1e-12);
        // Holm with m = 2: the smaller p doubled, the larger kept (and never below the smaller's adjustment)
        double small = Math.min(pXavier, pRelu);
        double large = Math.max(pXavier, pRelu);
        assertTrue(pXavier < pRelu, "the fixture makes BatchNorm matter for XAVIER only");
        assertEquals(Math.min(1, 2 * small), xavier.holmP(), 1e-12);
        assertEquals(Math.max(Math.min(1, 2 * small), large), relu.holmP(), 1e-12);
        assertTrue(xavier.significant());
        assertFalse(relu.significant());
    }

    @Test
    void noPairsWithoutBothSettings() {
        Records r = new Records("XAVIER", "RELU");
        List<CellRecord> records = List.of(r.ok("XAVIER", 1, 0.9), r.ok("RELU", 1, 0.95));
        assertTrue(BatchNormEffect.of(SeedGroup.of(records)).isEmpty());
        Records both = Records.withBatchNormOffAndOn("XAVIER");
        BatchNormEffect one = BatchNormEffect.of(SeedGroup.of(List.of(both.ok("XAVIER", 1, 0.9),
                both.okWithBatchNorm("XAVIER", 1, 0.95)))).get(0);
        assertEquals(1, one.onMinusOff().pairs());
        assertNull(one.onMinusOff().pValue(), "one pair: no test");
        assertNull(one.holmP());
    }
}
