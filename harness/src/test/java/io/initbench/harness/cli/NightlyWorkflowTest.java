package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.LegacyRecords;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.result.ResultJson;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The nightly workflow on the real MNIST mirror with the smoke suite at 2 seeds (16 cells): resume after
 * a torn record, shards run as two separate JVMs and merged, compare on identical and on planted-regression
 * runs, and reports rebuilt from cells.jsonl alone. "Same results" means equal records without timings.
 */
class NightlyWorkflowTest {
    private static final Map<String, String> SUITE = Map.of("suite", "smoke", "seeds", "1,2");

    @TempDir
    static Path tmp;
    static Path single;
    static List<CellRecord> reference;

    private static Cli cli(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(SUITE);
        props.put("workers", "2");
        props.putAll(extra);
        return TestRuns.cli(tmp, props);
    }

    @BeforeAll
    static void singleRun() throws Exception {
        single = tmp.resolve("results/smoke/single");
        reference = timeless(TestRuns.runSuite(cli(Map.of("out", single.toString()))).records());
        assertEquals(16, reference.size());
    }

    /** Equal results, or a failure naming the first differing cell and field instead of dumping both lists. */
    static void assertSameResults(List<CellRecord> expected, List<CellRecord> actual) {
        assertEquals(expected.size(), actual.size(), "record count");
        for (int i = 0; i < expected.size(); i++) {
            CellRecord e = expected.get(i);
            CellRecord a = actual.get(i);
            if (!e.equals(a)) {
                String where = !e.cell().equals(a.cell()) ? "cell" : e.status() != a.status() ? "status"
                        : !e.metrics().equals(a.metrics()) ? "metrics " + e.metrics() + " vs " + a.metrics()
                        : !e.curve().equals(a.curve()) ? "curve" : !e.diagnostics().equals(a.diagnostics())
                        ? "diagnostics " + e.diagnostics() + " vs " + a.diagnostics() : "other fields " + e + " vs " + a;
                throw new AssertionError("cell " + i + " (" + e.cell().label() + ") differs in " + where);
            }
        }
    }

    static List<CellRecord> timeless(List<CellRecord> records) {
        return records.stream().sorted(CellRecord.GRID_ORDER).map(CellRecord::withoutTimings).toList();
    }

    @Test
    void resumeReplacesATornRecordAndEndsWithTheSameResults() throws Exception {
        Path dir = tmp.resolve("resumed");
        Files.createDirectories(dir);
        for (String f : List.of(RunStore.SUITE, RunStore.METADATA)) {
            Files.copy(single.resolve(f), dir.resolve(f));
        }
        List<String> lines = Files.readAllLines(single.resolve(RunStore.CELLS));
        String torn = lines.get(5).substring(0, lines.get(5).length() / 2);
        Files.writeString(dir.resolve(RunStore.CELLS), String.join("\n", lines.subList(0, 5)) + "\n" + torn);
        assertEquals(5, RunStore.read(dir).records().size());
        assertTrue(RunStore.read(dir).tornBytes() > 0);

        RunOutcome outcome = TestRuns.runSuite(cli(Map.of("out", dir.toString())));
        List<CellRecord> onDisk = RunStore.readCells(dir); // throws on duplicates
        assertEquals(16, onDisk.size());
        assertEquals(0, RunStore.read(dir).tornBytes());
        assertSameResults(reference, timeless(onDisk));
        assertSameResults(reference, timeless(outcome.records()));
        // the 5 finished cells were not re-run: their lines are unchanged
        assertEquals(lines.subList(0, 5), Files.readAllLines(dir.resolve(RunStore.CELLS)).subList(0, 5));
        // a complete run resumes to nothing
        assertEquals(16, TestRuns.runSuite(cli(Map.of("out", dir.toString()))).records().size());
        assertEquals(16, RunStore.readCells(dir).size());
    }

    @Test
    void resumeRefusesADirectoryOfAnotherSuite() {
        int code = cli(Map.of("out", single.toString(), "learningRate", "0.2")).run(new String[0]);
        assertEquals(Cli.EXIT_BAD_INPUT, code);
    }

    /** Two shard processes (separate JVMs, as on two machines), then merge: the single run's results. */
    @Test
    void twoShardProcessesMergeToTheSingleRunResults() throws Exception {
        List<Process> procs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path log = tmp.resolve("shard" + i + ".log");
            procs.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                    "-cp", System.getProperty("java.class.path"), "-Dsuite=smoke", "-Dseeds=1,2", "-Dworkers=1", "-Dthreads=1",
                    "-Dshard=" + i + "/2", "-Dout=" + tmp.resolve("shard" + i), "-Ddatasets.mirror="
                    + new File(TestRuns.MIRROR).getAbsolutePath(), "-Ddatasets.dir=" + tmp.resolve("cache" + i),
                    Main.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(procs.get(i).waitFor(5, TimeUnit.MINUTES), "shard process timed out");
            assertEquals(0, procs.get(i).exitValue(), Files.readString(tmp.resolve("shard" + i + ".log")));
        }
        int n0 = RunStore.readCells(tmp.resolve("shard0")).size();
        int n1 = RunStore.readCells(tmp.resolve("shard1")).size();
        assertEquals(16, n0 + n1);
        assertTrue(n0 > 0 && n1 > 0, "both shards got cells: " + n0 + "/" + n1);

        Path merged = tmp.resolve("merged");
        RunOutcome outcome = TestRuns.merge(cli(Map.of("command", "merge", "inputs", tmp.resolve("shard0") + ","
                + tmp.resolve("shard1"), "out", merged.toString())));
        assertSameResults(reference, timeless(outcome.records()));
        assertSameResults(reference, timeless(RunStore.readCells(merged)));
        // the CSV matrix agrees on every deterministic column
        assertEquals(stripTimings(single.resolve("matrix.csv")), stripTimings(merged.resolve("matrix.csv")));
        // one shard alone is incomplete, overlapping shards are refused
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("command", "merge", "inputs", tmp.resolve("shard0").toString(),
                "out", tmp.resolve("m2").toString())).run(new String[0]));
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("command", "merge", "inputs", tmp.resolve("shard0") + ","
                + tmp.resolve("shard0"), "out", tmp.resolve("m3").toString())).run(new String[0]));
    }

    private static List<String> stripTimings(Path csv) throws Exception {
        List<String> rows = Files.readAllLines(csv);
        List<String> header = List.of(rows.get(0).split(","));
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).contains("second") && !header.get(i).equals("git_commit")) {
                keep.add(i);
            }
        }
        List<String> out = new ArrayList<>();
        for (String row : rows) {
            // no quoted commas in the smoke suite's labels
            String[] f = row.split(",", -1);
            out.add(String.join(",", keep.stream().map(i -> f[i]).toList()));
        }
        return out;
    }

    @Test
    void compareIsCleanOnIdenticalRunsAndFailsOnAPlantedRegression() throws Exception {
        Path same = TestRuns.copyFiles(single, tmp.resolve("results/smoke/same"));
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "compare", "run", same.toString(), "baseline",
                single.toString())).run(new String[0]));
        Document ok = xml(same.resolve("compare-junit.xml"));
        assertEquals("0", ok.getDocumentElement().getAttribute("failures"));
        assertEquals("8", ok.getDocumentElement().getAttribute("tests"));

        // plant: one OK seed becomes DIVERGED, another configuration loses 0.5 accuracy (with 2 seeds the 95%
        // intervals are wide, t = 12.7: a smaller drop is within noise and rightly not flagged)
        Path bad = TestRuns.copyFiles(single, tmp.resolve("results/smoke/zbad"));
        List<CellRecord> records = new ArrayList<>(RunStore.readCells(bad));
        int victim = indexOf(records, "XAVIER", "RELU", 1);
        CellRecord v = records.get(victim);
        records.set(victim, v.withOutcome(CellRecord.Outcome.of(Status.DIVERGED, "planted")));
        for (int seed = 1; seed <= 2; seed++) {
            int i = indexOf(records, "RELU", "TANH", seed);
            CellRecord r = records.get(i);
            Metrics m = r.metrics();
            records.set(i, r.withMetrics(new Metrics(new Metrics.Accuracy(
                    m.accuracy().finalTest() - 0.5, m.accuracy().finalValidation(), m.accuracy().best(),
                    m.accuracy().initial(), m.accuracy().finalTrainLoss()), m.convergence(), m.timing(),
                    m.parameterCount())));
        }
        StringBuilder jsonl = new StringBuilder();
        for (CellRecord r : records) {
            jsonl.append(ResultJson.mapper().writeValueAsString(r)).append('\n');
        }
        Files.writeString(bad.resolve(RunStore.CELLS), jsonl);
        // no -Dbaseline: the newest earlier run of the suite beside it ("same" started at the same instant,
        // so the baseline is found by start time; make "bad" start later)
        rewriteStart(bad, "2999-01-01T00:00:00Z");
        int code = cli(Map.of("command", "compare", "run", bad.toString())).run(new String[0]);
        assertEquals(Cli.EXIT_DEVIATION, code);
        Document fail = xml(bad.resolve("compare-junit.xml"));
        assertEquals("2", fail.getDocumentElement().getAttribute("failures"));
        String md = Files.readString(bad.resolve("compare.md"));
        assertTrue(md.contains("seed 1: OK → DIVERGED"), md);
        assertTrue(md.contains("| **REGRESSION** | ACCURACY |"), md);
    }

    /**
     * A nightly job's history holds runs written by the previous record format (3: metrics and provenance
     * flat): a new run finds one as its baseline and compares clean against it, and shards of both formats
     * merge into the single run's results, written in the current format.
     */
    @Test
    void compareAndMergeAcrossRecordFormats() throws Exception {
        var json = ResultJson.mapper();
        Path old = TestRuns.copyFiles(single, tmp.resolve("formats/smoke/old"));
        List<String> v3 = new ArrayList<>();
        for (String line : Files.readAllLines(old.resolve(RunStore.CELLS))) {
            v3.add(LegacyRecords.cellV3(json.readTree(line)).toString());
        }
        Files.write(old.resolve(RunStore.CELLS), v3);
        var metadata = LegacyRecords.provenanceV3(json.readTree(old.resolve(RunStore.METADATA).toFile()));
        metadata.put("startedAt", "2026-01-01T00:00:00Z");
        Files.writeString(old.resolve(RunStore.METADATA), metadata.toPrettyString());
        Path current = TestRuns.copyFiles(single, tmp.resolve("formats/smoke/new"));
        rewriteStart(current, "2026-01-02T00:00:00Z");

        assertSameResults(reference, timeless(RunStore.readCells(old)));
        assertEquals(old, io.initbench.harness.result.RunDirectories.baseline(current).dir());
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "compare", "run", current.toString())).run(new String[0]));
        String md = Files.readString(current.resolve("compare.md"));
        assertTrue(md.contains("- baseline: " + old + "\n") && md.contains("No change."), md);
        assertEquals("0", xml(current.resolve("compare-junit.xml")).getDocumentElement().getAttribute("failures"));

        // half the cells from each format, merged
        Path a = TestRuns.copyFiles(old, tmp.resolve("formats/a"));
        Path b = TestRuns.copyFiles(current, tmp.resolve("formats/b"));
        List<String> mine = Files.readAllLines(b.resolve(RunStore.CELLS));
        List<String> evens = new ArrayList<>();
        List<String> odds = new ArrayList<>();
        for (int i = 0; i < v3.size(); i++) {
            (i % 2 == 0 ? evens : odds).add(i % 2 == 0 ? v3.get(i) : mine.get(i));
        }
        Files.write(a.resolve(RunStore.CELLS), evens);
        Files.write(b.resolve(RunStore.CELLS), odds);
        Path merged = tmp.resolve("formats/merged");
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "merge", "inputs", a + "," + b, "out", merged.toString()))
                .run(new String[0]));
        assertSameResults(reference, timeless(RunStore.readCells(merged)));
        for (String line : Files.readAllLines(merged.resolve(RunStore.CELLS))) {
            var tree = json.readTree(line);
            assertEquals(CellRecord.FORMAT_VERSION, tree.get("formatVersion").asInt());
            assertTrue(tree.at("/metrics/accuracy").isObject() && tree.at("/provenance/software").isObject(), line);
        }
        assertTrue(json.readTree(merged.resolve(RunStore.METADATA).toFile()).has("software"));
    }

    /**
     * A one-seed run, then the same suite with seeds 1,2: the automatic baseline is the one-seed run (seeds
     * are not part of the settings), seed 1 is compared with seed 1 and nothing changed; a run of other
     * settings beside them is never picked. A real change on the shared seed still fails.
     */
    @Test
    void oneSeedThenTwoSeedsComparesTheSharedSeedAndFindsNoChange() throws Exception {
        Path dir = tmp.resolve("pair/smoke");
        Path one = dir.resolve("one");
        List<CellRecord> oneSeed = timeless(TestRuns.runSuite(cli(Map.of("seeds", "1", "out", one.toString()))).records());
        // the premise: seed 1 is bit-identical in both runs (only its position in the grid differs)
        assertEquals(positionless(reference.stream().filter(r -> r.cell().seed() == 1).toList()), positionless(oneSeed));
        Path two = TestRuns.copyFiles(single, dir.resolve("two"));
        rewriteStart(one, "2026-01-01T00:00:00Z");
        rewriteStart(two, "2026-01-03T00:00:00Z");
        // newer than "one", older than "two", other settings: must not be the baseline
        Path decoy = TestRuns.copyFiles(one, dir.resolve("decoy"));
        rewriteStart(decoy, "2026-01-02T00:00:00Z");
        var suite = (com.fasterxml.jackson.databind.node.ObjectNode) ResultJson.mapper()
                .readTree(decoy.resolve(RunStore.SUITE).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) suite.get("training")).put("learningRate", 0.05);
        ((com.fasterxml.jackson.databind.node.ObjectNode) suite.get("axes")).putArray("learningRate").add(0.05);
        Files.writeString(decoy.resolve(RunStore.SUITE), suite.toPrettyString());

        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "compare", "run", two.toString())).run(new String[0]));
        String md = Files.readString(two.resolve("compare.md"));
        assertTrue(md.contains("- baseline: " + one + "\n"), md);
        assertTrue(md.contains("- seeds compared: 1 (not compared: only in this run 2, only in the baseline none)"), md);
        assertTrue(md.contains("No change."), md);
        Document junit = xml(two.resolve("compare-junit.xml"));
        assertEquals("8", junit.getDocumentElement().getAttribute("tests"));
        assertEquals("0", junit.getDocumentElement().getAttribute("failures"));
        // the other way round: seed 2 missing from the one-seed run is not a regression
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "compare", "run", one.toString(), "baseline", two.toString(),
                "out", tmp.resolve("reverse").toString())).run(new String[0]));
        // other settings: refused, unless the intersection is asked for (a training setting leaves none)
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("command", "compare", "run", two.toString(), "baseline",
                decoy.toString())).run(new String[0]));
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("command", "compare", "run", two.toString(), "baseline",
                decoy.toString(), "compare.intersect", "true")).run(new String[0]));

        // a real regression on the shared seed: a cell forced to diverge
        Path bad = TestRuns.copyFiles(two, dir.resolve("zbad"));
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(bad.resolve(RunStore.CELLS))) {
            CellRecord r = ResultJson.mapper().readValue(line, CellRecord.class);
            boolean victim = r.cell().weightInit().label().equals("RELU") && r.cell().activation().name().equals("RELU")
                    && r.cell().seed() == 1;
            lines.add(victim ? line.replace("\"status\":\"OK\"", "\"status\":\"DIVERGED\"") : line);
        }
        Files.write(bad.resolve(RunStore.CELLS), lines);
        assertEquals(Cli.EXIT_DEVIATION, cli(Map.of("command", "compare", "run", bad.toString(), "baseline",
                one.toString())).run(new String[0]));
        assertTrue(Files.readString(bad.resolve("compare.md")).contains("seed 1: OK → DIVERGED"));
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> positionless(List<CellRecord> records) {
        return records.stream().map(r -> {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ResultJson.mapper().valueToTree(r);
            tree.remove("index");
            return (com.fasterxml.jackson.databind.JsonNode) tree;
        }).toList();
    }

    /** A baseline that swept fewer initializers: refused as other settings, compared on what both have when asked. */
    @Test
    void compareOnTheIntersectionOfConfigurationsWhenAsked() throws Exception {
        Path fewer = TestRuns.copyFiles(single, tmp.resolve("fewer"));
        var suite = (com.fasterxml.jackson.databind.node.ObjectNode) ResultJson.mapper()
                .readTree(fewer.resolve(RunStore.SUITE).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) suite.get("axes")).putArray("weightInit").add("XAVIER")
                .add("RELU");
        Files.writeString(fewer.resolve(RunStore.SUITE), suite.toPrettyString());
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(fewer.resolve(RunStore.CELLS))) {
            String init = ResultJson.mapper().readValue(line, CellRecord.class).cell().weightInit().label();
            if (init.equals("XAVIER") || init.equals("RELU")) {
                kept.add(line);
            }
        }
        Files.write(fewer.resolve(RunStore.CELLS), kept);
        Map<String, String> compare = Map.of("command", "compare", "run", single.toString(), "baseline",
                fewer.toString(), "out", tmp.resolve("intersect").toString());
        assertEquals(Cli.EXIT_BAD_INPUT, cli(compare).run(new String[0]));
        Map<String, String> intersect = new HashMap<>(compare);
        intersect.put("compare.intersect", "true");
        assertEquals(Cli.EXIT_OK, cli(intersect).run(new String[0]));
        assertEquals("4", xml(tmp.resolve("intersect/compare-junit.xml")).getDocumentElement().getAttribute("tests"));
        assertTrue(Files.readString(tmp.resolve("intersect/compare.md")).contains("axes.weightInit: [ZERO,XAVIER,RELU,"
                + "IDENTITY] vs [XAVIER,RELU]"));
    }

    @Test
    void reportCommandRebuildsEveryReportFromTheRunFiles() throws Exception {
        Path copy = TestRuns.copyFiles(single, tmp.resolve("results/smoke/rebuilt"));
        for (String f : List.of("matrix.csv", "matrix.md", "groups.csv", "report.html")) {
            Files.delete(copy.resolve(f));
        }
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "report", "run", copy.toString())).run(new String[0]));
        for (String f : List.of("matrix.csv", "matrix.md", "groups.csv", "report.html")) {
            assertEquals(Files.readString(single.resolve(f)), Files.readString(copy.resolve(f)), f);
        }
        // cells.jsonl alone (suite.json and metadata.json lost): refused, as by every other command (a report
        // would not say what produced the numbers)
        Path bare = tmp.resolve("bare");
        Files.createDirectories(bare);
        Files.copy(single.resolve(RunStore.CELLS), bare.resolve(RunStore.CELLS));
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("command", "report", "run", bare.toString())).run(new String[0]));
        assertFalse(Files.exists(bare.resolve("report.html")));
        String index = Files.readString(tmp.resolve("results/smoke/index.md"));
        assertTrue(index.contains("rebuilt/report.html"), index);
        assertFalse(Files.readString(single.resolve("report.html")).contains("<script"));
    }

    private static int indexOf(List<CellRecord> records, String init, String act, long seed) {
        for (int i = 0; i < records.size(); i++) {
            CellRecord r = records.get(i);
            if (r.cell().weightInit().label().equals(init) && r.cell().activation().name().equals(act)
                    && r.cell().seed() == seed) {
                return i;
            }
        }
        throw new AssertionError("no cell " + init + " " + act + " seed " + seed);
    }

    private static void rewriteStart(Path dir, String startedAt) throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ResultJson.mapper()
                .readTree(dir.resolve(RunStore.METADATA).toFile());
        tree.withObject("/run").put("startedAt", startedAt);
        Files.writeString(dir.resolve(RunStore.METADATA), tree.toPrettyString());
    }

    private static Document xml(Path f) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
    }
}
