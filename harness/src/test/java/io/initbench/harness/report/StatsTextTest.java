package io.initbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Status;
import io.initbench.harness.stats.RunStatistics;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Records;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTextTest {

    @Test
    void statusComesBeforeTheMeanOfTheOkSeeds() {
        Records r = new Records("RELU");
        List<CellRecord> seeds = List.of(r.ok("RELU", 1, 0.95), r.ok("RELU", 2, 0.97),
                r.record("RELU", 3, Status.DIVERGED, null, null, 4736));
        // mean of 0.95 and 0.97; half-width t(0.975, 1) · sd / √2 = 12.7062 · 0.014142 / 1.4142 = 0.1271
        assertEquals("**2/3 OK, 1 DIVERGED** · 0.9600 ± 0.1271", StatsText.accuracyEntry(seeds));
        assertEquals("0.9500 ± 0.0000", StatsText.accuracyEntry(List.of(r.ok("RELU", 1, 0.95), r.ok("RELU", 2, 0.95))));
        // a timed-out seed's accuracy (from a shorter training) is not averaged in
        assertEquals("**1/2 OK, 1 TIMEOUT** · 0.9500", StatsText.accuracyEntry(List.of(r.ok("RELU", 1, 0.95),
                r.record("RELU", 2, Status.TIMEOUT, 0.50, null, 38_400))));
        assertEquals("**0/1 OK, 1 DIVERGED**", StatsText.accuracyEntry(List.of(
                r.record("RELU", 1, Status.DIVERGED, null, null, 128))));
    }

    @Test
    void speedIsAMedianWithReachedCountNeverAPlusMinus() {
        Records r = new Records("RELU");
        List<CellRecord> seeds = List.of(
                r.record("RELU", 1, Status.OK, 0.97, 12_800L, Records.BUDGET),
                r.record("RELU", 2, Status.OK, 0.97, 25_600L, Records.BUDGET),
                r.record("RELU", 3, Status.OK, 0.96, 51_200L, Records.BUDGET),
                r.record("RELU", 4, Status.TIMEOUT, 0.90, null, 38_400),
                r.record("RELU", 5, Status.DIVERGED, null, null, 640));
        assertEquals("51.2k · 3/5 (KM)", StatsText.speedEntry(seeds, false));
        assertEquals("51.2k · 3/5 (KM) (step 12.8k of 120.0k)", StatsText.speedEntry(seeds, true));
        assertEquals("25.6k · 2/2", StatsText.speedEntry(seeds.subList(1, 3), false));
        assertEquals("— · 0/1", StatsText.speedEntry(List.of(r.ok("RELU", 6, 0.9)), false));
        assertFalse(StatsText.speedEntry(seeds, false).contains("±"));
        String caption = StatsText.speedCaption(seeds);
        assertTrue(caption.contains("evaluated every 12.8k samples"), caption);
        assertTrue(caption.contains("Kaplan–Meier"), caption);
    }

    private static StatsText.StatsTable comparisons(List<CellRecord> records, String baseline) {
        return ComparisonTables.comparisons(RunStatistics.of(SeedGroup.of(records), baseline, 0.005), records);
    }

    @Test
    void comparisonTableNamesItsFamilyAndDesignAndShowsWilcoxonOnlyWhereItApplies() {
        Records r = new Records("RELU", "XAVIER");
        List<CellRecord> five = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            five.add(r.ok("RELU", s, 0.95 + s / 1000.0));
            five.add(r.ok("XAVIER", s, 0.94 + s / 1000.0 - s / 10000.0));
        }
        StatsText.StatsTable t = comparisons(five, null);
        assertTrue(t.caption().startsWith("Family: which initializers differ"), t.caption());
        assertTrue(t.caption().contains("all pairs of initializers"), t.caption());
        assertTrue(t.caption().contains("no reference chosen from the results"), t.caption());
        for (String h : List.of("p paired t", "p Holm (table)", "p Holm (run)", "p TOST (Holm)", "detectable (80%)",
                "verdict")) {
            assertTrue(t.header().contains(h), h + " in " + t.header());
        }
        assertFalse(t.header().contains("p Wilcoxon"), "5 pairs cannot reach 0.05");
        assertTrue(t.caption().contains("at least 6"), t.caption());
        List<String> xavier = t.rows().get(0);
        assertEquals("XAVIER − RELU", xavier.get(t.header().indexOf("comparison")));
        assertEquals("5", xavier.get(t.header().indexOf("pairs")));
        assertTrue(xavier.get(t.header().indexOf("Δ paired ± 95% CI")).startsWith("−0.01"), xavier.toString());
        assertEquals("**different**", xavier.get(t.header().indexOf("verdict")));

        List<CellRecord> six = new ArrayList<>(five);
        six.add(r.ok("RELU", 6, 0.956));
        six.add(r.ok("XAVIER", 6, 0.9454));
        t = comparisons(six, "XAVIER");
        assertTrue(t.caption().contains("against the baseline XAVIER declared by the suite"), t.caption());
        assertEquals("RELU − XAVIER", t.rows().get(0).get(t.header().indexOf("comparison")));
        int w = t.header().indexOf("p Wilcoxon");
        assertTrue(w > 0);
        // six differences of one sign: exact two-sided p = 2/2^6 = 0.03125, shown to 3 significant digits
        assertEquals("0.0313", t.rows().get(0).get(w));
    }

    @Test
    void equalResultsWithinTheMarginReadEquivalentAndNoisyOnesInconclusive() {
        Records r = new Records("RELU", "XAVIER", "ZERO");
        double[] relu = {0.950, 0.960, 0.940, 0.955};
        double[] xavier = {0.951, 0.958, 0.941, 0.956};
        double[] zero = {0.90, 0.99, 0.93, 0.97};
        List<CellRecord> cells = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            cells.add(r.ok("RELU", s + 1, relu[s]));
            cells.add(r.ok("XAVIER", s + 1, xavier[s]));
            cells.add(r.ok("ZERO", s + 1, zero[s]));
        }
        StatsText.StatsTable t = comparisons(cells, null);
        int v = t.header().indexOf("verdict");
        int c = t.header().indexOf("comparison");
        java.util.Map<String, String> verdicts = new java.util.HashMap<>();
        t.rows().forEach(row -> verdicts.put(row.get(c), row.get(v)));
        assertEquals("equivalent within ±0.005", verdicts.get("RELU − XAVIER"), verdicts.toString());
        assertEquals("inconclusive", verdicts.get("ZERO − RELU"), verdicts.toString());
        assertTrue(t.caption().contains("no evidence of no effect"), t.caption());
    }

    @Test
    void nothingToCompareGivesNoTable() {
        Records r = new Records("RELU", "XAVIER");
        List<CellRecord> one = List.of(r.ok("RELU", 1, 0.9), r.ok("RELU", 2, 0.91),
                r.record("XAVIER", 1, Status.DIVERGED, null, null, 128));
        assertNull(ComparisonTables.ranking(RunStatistics.of(SeedGroup.of(one), null, 0.005), one),
                "one ranked configuration");
        assertNull(comparisons(one, null));
    }

    @Test
    void bothReportsCarryThePairedHolmRanking() throws IOException {
        String md = Reports.render(new MarkdownMatrixWriter(), ReportGoldenTest.fixture());
        String html = Reports.render(new HtmlReportWriter(), ReportGoldenTest.fixture());
        for (String report : List.of(md, html)) {
            assertTrue(report.contains("p paired t") && report.contains("p Holm (table)")
                    && report.contains("p Holm (run)") && report.contains("Family: "));
            assertTrue(report.contains("1/2 OK, 1 DIVERGED") && report.contains("1/2 OK, 1 TIMEOUT"));
        }
        assertTrue(html.contains("<table class=\"ranking\">"));
    }
}
