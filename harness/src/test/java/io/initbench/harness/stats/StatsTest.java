package io.initbench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.report.ReportGoldenTest;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.stat.inference.TTest;
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
    void holmOnAKnownExample() {
        // sorted: 0.005, 0.01, 0.03, 0.04 → ×4, ×3, ×2, ×1 = 0.02, 0.03, 0.06, 0.04; running maximum makes the last
        // 0.06 (an adjusted p never falls below that of a smaller raw p)
        List<Double> adjusted = Holm.adjust(List.of(0.01, 0.04, 0.03, 0.005));
        assertEquals(0.03, adjusted.get(0), 1e-15);
        assertEquals(0.06, adjusted.get(1), 1e-15);
        assertEquals(0.06, adjusted.get(2), 1e-15);
        assertEquals(0.02, adjusted.get(3), 1e-15);
        // untestable comparisons are not members of the family: m = 2 here, and products are capped at 1
        List<Double> withGaps = Holm.adjust(Arrays.asList(null, 0.02, 0.7, null));
        assertNull(withGaps.get(0));
        assertEquals(0.04, withGaps.get(1), 1e-15);
        assertEquals(0.7, withGaps.get(2), 1e-15);
        assertNull(withGaps.get(3));
        assertEquals(2, Holm.familySize(Arrays.asList(null, 0.02, 0.7, null)));
        assertEquals(1.0, Holm.adjust(List.of(0.6, 0.9)).get(0), 0);
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(List.of(1.5)));
    }

    @Test
    void pairingRemovesWhatTheSeedsShare() {
        // seeds differ a lot from each other (0.80 … 0.95), but XAVIER is ~0.01 below RELU on every seed
        Records r = new Records("RELU", "XAVIER");
        double[] best = {0.90, 0.95, 0.80, 0.85};
        double[] other = {0.889, 0.941, 0.791, 0.838};
        List<CellRecord> cells = new ArrayList<>();
        for (int i = 0; i < best.length; i++) {
            cells.add(r.ok("RELU", i + 1, best[i]));
            cells.add(r.ok("XAVIER", i + 1, other[i]));
        }
        Ranking.Family f = Ranking.of(SeedGroup.of(cells), null, 0.005).get(0);
        assertEquals("RELU", f.columns().get(0).entries().get(0).group().config().weightInit().label());
        Comparison e = f.comparisons().comparisons().get(0);
        assertEquals("RELU", e.reference().config().weightInit().label());
        double paired = new TTest().pairedTTest(other, best);
        double unpaired = new TTest().tTest(other, best);
        assertEquals(paired, e.pValue(), 1e-12);
        // scipy.stats.ttest_rel: 0.0008475688256239255; Welch's unpaired test sees only noise: 0.830
        assertEquals(0.0008475688256239255, e.pValue(), 1e-9);
        assertTrue(unpaired > 0.8, "unpaired p " + unpaired);
        assertEquals(4, e.paired().pairs());
        // differences −0.011, −0.009, −0.009, −0.012: mean −0.01025, sd 0.0015, half-width t(0.975,3)·0.0015/2
        assertEquals(-0.01025, e.paired().difference().mean(), 1e-12);
        assertEquals(3.182446305284263 * 0.0015 / 2, e.paired().difference().halfWidth(), 1e-9);
        // one comparison: Holm changes nothing
        assertEquals(e.pValue(), e.holmFamily(), 0);
        assertEquals(1, f.comparisons().tested());
        // 0.01 below on every seed, twice the 0.005 margin: different, not equivalent
        assertEquals(Verdict.DIFFERENT, e.verdict());
    }

    @Test
    void onlySeedsOkInBothArePaired() {
        Records r = new Records("RELU", "XAVIER");
        List<CellRecord> cells = new ArrayList<>(List.of(
                r.ok("RELU", 1, 0.95), r.ok("XAVIER", 1, 0.94),
                r.ok("RELU", 2, 0.96), r.ok("XAVIER", 2, 0.94),
                r.ok("RELU", 3, 0.93), r.ok("XAVIER", 3, 0.92),
                // XAVIER diverged on seed 4, timed out on seed 5; RELU has no seed 6
                r.ok("RELU", 4, 0.97), r.record("XAVIER", 4, Status.DIVERGED, null, null, 4736),
                r.ok("RELU", 5, 0.97), r.record("XAVIER", 5, Status.TIMEOUT, 0.99, null, 60000),
                r.ok("XAVIER", 6, 0.99)));
        List<SeedGroup> groups = SeedGroup.of(cells);
        SeedGroup xavier = groups.get(1);
        assertEquals("4/6 OK, 1 DIVERGED, 1 TIMEOUT", xavier.statusLabel());
        assertFalse(xavier.allOk());
        // the timed-out seed's 0.99 is from half the budget: not averaged with full-budget seeds
        assertEquals((0.94 + 0.94 + 0.92 + 0.99) / 4, xavier.accuracy().mean(), 1e-12);
        assertEquals(4, xavier.accuracy().n());
        Comparison e = Ranking.of(groups, null, 0.005).get(0).comparisons().comparisons().get(0);
        assertEquals(3, e.paired().pairs());
        double p = new TTest().pairedTTest(new double[]{0.94, 0.94, 0.92}, new double[]{0.95, 0.96, 0.93});
        assertEquals(p, e.pValue(), 1e-12);
    }

    @Test
    void statusBeforeAccuracyInTheRanking() {
        // XAVIER has the highest mean over its OK seeds but diverged once: it ranks after both all-OK ones
        Records r = new Records("RELU", "XAVIER", "ZERO", "LECUN_NORMAL");
        List<CellRecord> cells = List.of(
                r.ok("RELU", 1, 0.95), r.ok("RELU", 2, 0.96),
                r.ok("XAVIER", 1, 0.99), r.record("XAVIER", 2, Status.DIVERGED, null, null, 128),
                r.ok("ZERO", 1, 0.11), r.ok("ZERO", 2, 0.12),
                r.record("LECUN_NORMAL", 1, Status.DIVERGED, null, null, 128),
                r.record("LECUN_NORMAL", 2, Status.ERROR, null, null, 0));
        Ranking.Family f = Ranking.of(SeedGroup.of(cells), null, 0.005).get(0);
        List<Ranking.Entry> entries = f.columns().get(0).entries();
        assertEquals(List.of("RELU", "ZERO", "XAVIER", "LECUN_NORMAL"),
                entries.stream().map(e -> e.group().config().weightInit().label()).toList());
        assertEquals(3, entries.get(2).rank());
        assertNull(entries.get(3).rank(), "no OK seed: listed, not ranked");
        assertEquals("0/2 OK, 1 DIVERGED, 1 ERROR", entries.get(3).group().statusLabel());
        assertNull(entries.get(3).group().accuracy());
        // all pairs of the three ranked (3 · 2 / 2), none with the unranked one; XAVIER shares one OK seed: no test
        assertEquals(3, f.comparisons().comparisons().size());
        Comparison xavierVsRelu = f.comparisons().comparisons().get(1);
        assertEquals("XAVIER", xavierVsRelu.other().config().weightInit().label());
        assertEquals(1, xavierVsRelu.paired().pairs());
        assertNull(xavierVsRelu.pValue());
        assertEquals(Verdict.INCONCLUSIVE, xavierVsRelu.verdict());
    }

    @Test
    void wilcoxonOnlyWhereItCanReachFivePercent() {
        // all 5 differences negative: the exact two-sided p is at least 2/2^5 = 0.0625, so it is not run
        assertNull(compare(new double[]{-1, -2, -3, -4, -5}).wilcoxonP());
        // 6 negative differences: W+ = 0, exact p = 2 · 1/2^6 = 0.03125
        PairedComparison six = compare(new double[]{-1, -2, -3, -4, -5, -6});
        assertTrue(six.wilcoxonApplies());
        assertEquals(0.03125, six.wilcoxonP(), 1e-12);
        // one positive difference of rank 2: P(W- ≤ 2) counts {}, {1}, {2} of 64 sign patterns → 2 · 3/64
        assertEquals(2 * 3 / 64.0, compare(new double[]{1, -2, 3, 4, 5, 6}).wilcoxonP(), 1e-12);
        // zero differences carry no sign and are dropped: 7 pairs, 6 non-zero → the same p as six
        PairedComparison withZero = compare(new double[]{0, -1, -2, -3, -4, -5, -6});
        assertEquals(7, withZero.pairs());
        assertEquals(6, withZero.wilcoxonPairs());
        assertEquals(0.03125, withZero.wilcoxonP(), 1e-12);
    }

    /** A comparison whose per-seed differences (other − reference) are {@code d}. */
    private static PairedComparison compare(double[] d) {
        SortedMap<Long, Double> ref = new TreeMap<>();
        SortedMap<Long, Double> other = new TreeMap<>();
        for (int i = 0; i < d.length; i++) {
            ref.put((long) i, 10.0 + i * 0.5);
            other.put((long) i, 10.0 + i * 0.5 + d[i]);
        }
        return PairedComparison.of(ref, other);
    }

    @Test
    void kaplanMeierMatchesTheTextbook() {
        // Gehan's 6-MP leukaemia remission times (weeks; + = censored), the textbook Kaplan–Meier example:
        // 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+
        double[] times = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
        boolean[] event = {true, true, true, false, true, false, true, false, false, true, true, false, false, false,
            true, true, false, false, false, false, false};
        List<KaplanMeier.Observation> obs = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            obs.add(new KaplanMeier.Observation(times[i], event[i]));
        }
        KaplanMeier km = KaplanMeier.of(obs);
        // S = 18/21, ·16/17, ·14/15, ·11/12, ·10/11, ·6/7, ·5/6 (at risk after each censoring, by hand)
        double[] expected = {18 / 21.0, 18 / 21.0 * 16 / 17, 18 / 21.0 * 16 / 17 * 14 / 15,
            18 / 21.0 * 16 / 17 * 14 / 15 * 11 / 12, 18 / 21.0 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11,
            18 / 21.0 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11 * 6 / 7,
            18 / 21.0 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11 * 6 / 7 * 5 / 6};
        assertEquals(List.of(6.0, 7.0, 10.0, 13.0, 16.0, 22.0, 23.0), km.steps().stream().map(KaplanMeier.Step::time).toList());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], km.steps().get(i).survival(), 1e-12);
        }
        assertEquals(0.857, km.survival(6.5), 5e-4);
        assertEquals(0.448, km.survival(30), 5e-4);
        // S(22) = 0.538 > 0.5, S(23) = 0.448 ≤ 0.5: the median is 23 weeks (as the textbooks give it)
        assertEquals(23.0, km.median());
    }

    @Test
    void kaplanMeierMedianWithoutCensoringIsTheLowerMedian() {
        KaplanMeier km = KaplanMeier.of(List.of(new KaplanMeier.Observation(3, true),
                new KaplanMeier.Observation(1, true), new KaplanMeier.Observation(2, true),
                new KaplanMeier.Observation(4, true)));
        assertEquals(2.0, km.median());
        // one event of four, the others censored after it: S stays at 3/4, no median
        assertNull(KaplanMeier.of(List.of(new KaplanMeier.Observation(1, true), new KaplanMeier.Observation(2, false),
                new KaplanMeier.Observation(3, false), new KaplanMeier.Observation(4, false))).median());
        // censored early, the last subject's event takes S to 0: the median is that event (at risk 1)
        assertEquals(3.0, KaplanMeier.of(List.of(new KaplanMeier.Observation(1, false),
                new KaplanMeier.Observation(2, false), new KaplanMeier.Observation(3, true))).median());
    }

    @Test
    void convergenceCensorsSeedsThatDidNotReachTheTarget() {
        Records r = new Records("RELU");
        List<CellRecord> cells = List.of(
                r.record("RELU", 1, Status.OK, 0.97, 12_800L, Records.BUDGET),
                r.record("RELU", 2, Status.OK, 0.97, 25_600L, Records.BUDGET),
                r.record("RELU", 3, Status.OK, 0.96, 51_200L, Records.BUDGET),
                // timed out after 38,400 samples without reaching it: censored there
                r.record("RELU", 4, Status.TIMEOUT, 0.90, null, 38_400),
                // diverged: it will never reach the target, censored at the budget
                r.record("RELU", 5, Status.DIVERGED, null, null, 640));
        Convergence c = SeedGroup.of(cells).get(0).convergence();
        assertEquals(5, c.trained());
        assertEquals(3, c.reached());
        assertTrue(c.censored());
        assertEquals(Records.BUDGET, c.budget());
        assertEquals(Records.STEP, c.step());
        // by hand: S(12.8k) = 4/5, S(25.6k) = 4/5 · 3/4 = 0.6, the timeout leaves the risk set at 38.4k,
        // S(51.2k) = 0.6 · 1/2 = 0.3 ≤ 0.5 → median 51.2k
        assertEquals(0.6, c.estimate().survival(40_000), 1e-12);
        assertEquals(51_200.0, c.median());
        // with the TIMEOUT counted as "never reached" instead, 3 of 5 would still give 51.2k; with only two
        // reaching it no median exists
        Convergence fewer = SeedGroup.of(List.of(cells.get(0), cells.get(1), cells.get(3), cells.get(4),
                r.ok("RELU", 6, 0.94))).get(0).convergence();
        assertEquals(2, fewer.reached());
        assertNull(fewer.median());
    }

    @Test
    void evaluationStepIsEvalEveryBatchesOrOneEpoch() {
        Records r = new Records("RELU");
        assertEquals(12_800, SeedGroup.evaluationStep(r.cell("RELU", 1)));
        // evalEvery 0 = once per epoch: the step is the epoch, 60,000 MNIST images
        assertEquals(60_000, SeedGroup.evaluationStep(new Records(0, "RELU").cell("RELU", 1)));
    }

    @Test
    void fixtureGroupsAndRanks() {
        List<CellRecord> cells = ReportGoldenTest.fixture().cells();
        List<SeedGroup> groups = SeedGroup.of(cells);
        // 4 inits × 2 activations × 2 BN settings, 2 seeds each
        assertEquals(16, groups.size());
        groups.forEach(g -> assertEquals(2, g.seeds().size()));
        SeedGroup zero = groups.get(0);
        assertEquals("ZERO", zero.config().weightInit().label());
        assertEquals(0.1135, zero.accuracy().mean(), 1e-12);
        assertEquals(0, zero.convergence().reached());
        assertNull(zero.convergence().median());
        // ZERO never reaches 0.95; its budget is epochs × the 60000 MNIST training images less the validation split
        assertEquals((60000L - zero.config().training().validationSize()) * zero.config().training().epochs(),
                zero.config().sampleBudget());

        SeedGroup normalRelu = groups.stream().filter(g -> g.config().weightInit().label().startsWith("NORMAL")
                && g.config().activation().name().equals("RELU") && !g.config().batchNorm()).findFirst().orElseThrow();
        assertEquals(1, normalRelu.count(Status.DIVERGED));
        assertEquals(1, normalRelu.accuracy().n());

        List<Ranking.Family> families = Ranking.of(groups, null, 0.005);
        // one family per table (BatchNorm off, on), each spanning both activations
        assertEquals(2, families.size());
        for (Ranking.Family f : families) {
            assertEquals(2, f.columns().size());
            int pairs = 0;
            for (Ranking.Column col : f.columns()) {
                List<Ranking.Entry> ranked = col.entries().stream().filter(e -> e.rank() != null).toList();
                for (int i = 1; i < ranked.size(); i++) {
                    assertTrue(Ranking.BEST_FIRST.compare(ranked.get(i - 1).group(), ranked.get(i).group()) <= 0);
                    assertEquals(i + 1, ranked.get(i).rank());
                }
                pairs += ranked.size() * (ranked.size() - 1) / 2;
                // IDENTITY is SKIPPED for every seed: listed, unranked
                assertTrue(col.entries().stream().anyMatch(e -> e.rank() == null
                        && e.group().config().weightInit().label().equals("IDENTITY")));
            }
            assertEquals(pairs, f.comparisons().comparisons().size(), "all pairs within each activation");
            assertNotNull(f.comparisons().question());
        }
    }
}
