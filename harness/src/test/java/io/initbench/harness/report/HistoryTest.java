package io.initbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.output.Xml;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's run index and its trend charts, from three "runs" of the report fixture. */
class HistoryTest {
    private static final Pattern TREND = Pattern.compile("<svg [^>]*class=\"trend\">(.*?)</svg>", Pattern.DOTALL);

    /** Newest first; the oldest run had only the BatchNorm-off half of the grid. */
    static List<History.Run> runs() {
        RunResults a = ReportGoldenTest.fixture(1);
        RunResults b = ReportGoldenTest.fixture(2);
        RunResults c = ReportGoldenTest.fixture(3);
        return List.of(
                History.run("20260103T000000Z-ccc", "20260103T000000Z-ccc", "2026-01-03T00:00:00Z", c.provenance(),
                        c.cells()),
                History.run("20260102T000000Z-bbb", "20260102T000000Z-bbb", "2026-01-02T00:00:00Z", b.provenance(),
                        b.cells()),
                History.run("20260101T000000Z-aaa", "20260101T000000Z-aaa", "2026-01-01T00:00:00Z", a.provenance(),
                        a.cells().stream().filter(r -> !r.cell().batchNorm()).toList()));
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void indexMatchesGolden() throws IOException {
        ReportGoldenTest.assertGolden("history-index.html", History.html("golden", runs()));
        ReportGoldenTest.assertGolden("history-index.md", History.markdown("golden", runs()));
    }

    @Test
    void oneTrendChartPerConfigurationWithAPointPerRunThatHasIt() {
        List<History.Run> runs = runs();
        String html = History.html("golden", runs);
        Set<String> drawable = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        int points = 0;
        for (History.Run r : runs) {
            for (SeedGroup g : SeedGroup.of(r.cells())) {
                all.add(g.configId());
                if (g.accuracy() != null) {
                    drawable.add(g.configId());
                    points++;
                }
            }
        }
        assertTrue(drawable.size() < all.size(), "the fixture has configurations without an OK seed");
        assertEquals(drawable.size(), count(TREND, html), "trend charts");
        assertEquals(all.size() - drawable.size(), count(Pattern.compile("no OK seed in any run"), html));
        assertEquals(points, count(Pattern.compile("<circle "), html), "one point per run and configuration with an OK seed");
        // BatchNorm-on configurations are missing from the oldest run: 2 points, the others 3
        Set<Integer> perChart = new LinkedHashSet<>();
        Matcher m = TREND.matcher(html);
        while (m.find()) {
            perChart.add(count(Pattern.compile("<circle "), m.group(1)));
        }
        assertEquals(Set.of(2, 3), perChart);
    }

    @Test
    void eachPointIsTheMeanAndConfidenceIntervalOfItsRun() {
        List<History.Run> runs = runs();
        String html = History.html("golden", runs);
        int checked = 0;
        for (History.Run r : runs) {
            for (SeedGroup g : SeedGroup.of(r.cells())) {
                Summary s = g.accuracy();
                if (s == null || s.halfWidth() == null) {
                    continue;
                }
                String tip = String.format(Locale.ROOT, "%s · commit %s · %.4f ± %.4f · %s", r.row().runId(),
                        r.row().commit(), s.mean(), s.halfWidth(), g.statusLabel());
                assertTrue(html.contains(tip), tip);
                checked++;
            }
        }
        assertTrue(checked >= 20, "points checked: " + checked);
    }

    @Test
    void userTextIsEscaped() {
        History.Run r = runs().get(0);
        History.Run odd = History.run("d", "<b>run & co</b>", "2026-01-04T00:00:00Z", ReportGoldenTest.fixture().provenance(),
                r.cells());
        String html = History.html("suite<script>", List.of(odd));
        assertFalse(html.contains("<b>run") || html.contains("<script>"), "raw user text in the page");
        assertTrue(html.contains("&lt;b&gt;run &amp; co&lt;/b&gt;") && html.contains("suite&lt;script&gt;"));
    }

    @Test
    void updateRebuildsTheIndexFromTheRunDirectoriesAlone(@TempDir Path tmp) throws IOException {
        Path suiteDir = tmp.resolve("golden");
        for (long seed : new long[]{1, 2}) {
            RunResults run = ReportGoldenTest.fixture(seed);
            try (RunStore store = RunStore.create(suiteDir.resolve("run-" + seed), run.suite(), run.provenance())) {
                run.cells().forEach(store::append);
            }
        }
        History.update(suiteDir.resolve("run-2"), "golden");
        String html = Files.readString(suiteDir.resolve("index.html"));
        assertEquals(2, count(Pattern.compile("<tr><td>"), html), "one table row per run");
        Matcher m = TREND.matcher(html);
        assertTrue(m.find(), "trend charts");
        assertEquals(2, count(Pattern.compile("<circle "), m.group(1)), "a point per run");
        for (CellRecord c : ReportGoldenTest.fixture(2).cells()) {
            assertTrue(html.contains(Xml.escape(c.cell().weightInit().label() + " · " + c.cell().activation().name())));
        }
    }
}
