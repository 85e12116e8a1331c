package io.initbench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.report.ReportGoldenTest;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void summaryHasStudentTInterval() {
        Summary s = Summary.of(new double[]{1, 2, 3});
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.sd(), 1e-12);
        // t(0.975, df=2) = 4.302652729749462 (scipy.stats.t.ppf)
        double half = 4.302652729749462 / Math.sqrt(3);
        assertEquals(2 - half, s.ciLow(), 1e-9);
        assertEquals(2 + half, s.ciHigh(), 1e-9);
        assertEquals(half, s.halfWidth(), 1e-9);
    }

    @Test
    void oneValueHasNoSpread() {
        Summary s = Summary.of(new double[]{0.9});
        assertEquals(0.9, s.mean());
        assertNull(s.sd());
        assertNull(s.ciLow());
        assertNull(s.halfWidth());
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
    }

    @Test
    void welchMatchesScipy() {
        // scipy.stats.ttest_ind([1,2,3],[4,5,6.5],equal_var=False).pvalue = 0.029145305862049335
        Double p = Ranking.welch(Summary.of(new double[]{1, 2, 3}), Summary.of(new double[]{4, 5, 6.5}));
        assertEquals(0.029145305862049335, p, 1e-9);
        assertNull(Ranking.welch(Summary.of(new double[]{1}), Summary.of(new double[]{4, 5})));
        assertNull(Ranking.welch(Summary.of(new double[]{1, 1}), Summary.of(new double[]{1, 1})));
    }

    @Test
    void groupsRankAndCountNeverReachedAsBudget() {
        List<CellRecord> cells = ReportGoldenTest.fixture().cells();
        List<SeedGroup> groups = SeedGroup.of(cells);
        // 4 inits × 2 activations × 2 BN settings, 2 seeds each
        assertEquals(16, groups.size());
        groups.forEach(g -> assertEquals(2, g.seeds().size()));
        SeedGroup zero = groups.get(0);
        assertEquals("ZERO", zero.config().weightInit().label());
        assertEquals(0.1135, zero.accuracy().mean(), 1e-12);
        // ZERO never reaches 0.95: both seeds count as the full budget (epochs × the 60000 MNIST training
        // images less the validation split)
        assertEquals(0, zero.reachedTarget());
        assertEquals(zero.config().sampleBudget(), zero.samplesToTarget().mean(), 0);
        assertEquals((60000L - zero.config().training().validationSize()) * zero.config().training().epochs(),
                zero.config().sampleBudget());

        SeedGroup normalRelu = groups.stream().filter(g -> g.config().weightInit().label().startsWith("NORMAL")
                && g.config().activation().name().equals("RELU") && !g.config().batchNorm()).findFirst().orElseThrow();
        assertEquals(1, normalRelu.count(Status.DIVERGED));
        assertEquals(1, normalRelu.accuracy().n());

        for (Ranking.Family f : Ranking.of(groups)) {
            List<Ranking.Entry> ranked = f.entries().stream().filter(e -> e.rank() != null).toList();
            for (int i = 1; i < ranked.size(); i++) {
                assertTrue(ranked.get(i - 1).group().accuracy().mean() >= ranked.get(i).group().accuracy().mean());
                assertEquals(i + 1, ranked.get(i).rank());
            }
            assertNull(ranked.get(0).pValue());
            // IDENTITY is SKIPPED for every seed: listed, unranked
            assertTrue(f.entries().stream().anyMatch(e -> e.rank() == null
                    && e.group().config().weightInit().label().equals("IDENTITY")));
        }
    }
}
