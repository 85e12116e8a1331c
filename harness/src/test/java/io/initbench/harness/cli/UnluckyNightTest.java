package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.ResultJson;
import io.initbench.harness.result.RunDirectories;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import io.initbench.harness.train.MemoryBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an unlucky nightly machine or a careless user does to run directories, and what initbench does then:
 * each test reproduces one way a run directory was damaged, mixed up or misused (docs/measurements/hardening.md).
 */
class UnluckyNightTest {
    /** The props {@link TestRuns#copyOfSmokeRun} was made with. */
    private static final Map<String, String> FIXTURE = Map.of("suite", "smoke", "weightInit", "XAVIER,RELU",
            "train.size", "500", "test.size", "200", "epochs", "1");

    @TempDir
    Path tmp;

    private Cli cli(Map<String, String> extra, ByteArrayOutputStream stdout) {
        Map<String, String> props = new HashMap<>(FIXTURE);
        props.putAll(extra);
        return TestRuns.cli(tmp, props, stdout);
    }

    private Cli cli(Map<String, String> extra) {
        return cli(extra, new ByteArrayOutputStream());
    }

    private static String message(Cli cli, String command) {
        return assertThrows(RuntimeException.class, () -> cli.execute(command)).getMessage();
    }

    /** B2: a cell refused by the memory check is no result; the resume runs it, on workers capped at the cells. */
    @Test
    void aCellRefusedForMemoryIsRetriedOnResumeWithWorkersCappedAtTheCells() throws Exception {
        Path dir = TestRuns.copyOfSmokeRun(tmp.resolve("refused"));
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(RunStore.CELLS)));
        ObjectMapper json = ResultJson.mapper();
        ObjectNode refused = (ObjectNode) json.readTree(lines.get(1));
        String id = refused.get("cellId").asText();
        refused.put("status", "ERROR").put("reason", MemoryBudget.REFUSED + ": it needs about 3.1 MiB ...");
        lines.set(1, json.writeValueAsString(refused));
        Files.write(dir.resolve(RunStore.CELLS), lines);

        RunOutcome o = TestRuns.runSuite(cli(Map.of("out", dir.toString(), "workers", "100000")));
        CellRecord again = o.records().stream().filter(r -> r.cellId().equals(id)).findFirst().orElseThrow();
        assertEquals(Status.OK, again.status(), again.reason());
        assertTrue(again.provenance().run().workers() <= 4, "workers " + again.provenance().run().workers());
        List<CellRecord> stored = RunStore.readCells(dir); // throws on a cell recorded twice
        assertEquals(4, stored.size());
        assertEquals(Status.OK, stored.stream().filter(r -> r.cellId().equals(id)).findFirst().orElseThrow().status());
    }

    /** B3: cells.jsonl linked to /dev/zero: refused unread (it used to die of OutOfMemoryError, exit 1). */
    @Test
    @Timeout(120)
    void aCellsFileThatIsADeviceIsRefusedNotRead() throws Exception {
        Path devZero = Path.of("/dev/zero");
        if (!Files.exists(devZero)) {
            return;
        }
        Path dir = TestRuns.copyOfSmokeRun(tmp.resolve("zero"));
        Path base = TestRuns.copyOfSmokeRun(tmp.resolve("base"));
        Files.delete(dir.resolve(RunStore.CELLS));
        Files.createSymbolicLink(dir.resolve(RunStore.CELLS), devZero);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("command", "report", "run", dir.toString()), out)
                .run(new String[0]));
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("command", "compare", "run", dir.toString(), "baseline",
                base.toString())).run(new String[0]));
        String m = message(cli(Map.of("run", dir.toString())), "report");
        assertTrue(m.contains("is not a regular file"), m);
    }

    /** B8: I/O failures of the machine get their own exit code; a path the user got wrong stays bad input. */
    @Test
    void aFullDiskIsAnIoFailureNotBadInput() {
        assertFalse(Cli.isBadInput(new IOException("No space left on device")));
        assertFalse(Cli.isBadInput(new java.nio.file.FileSystemException("/x", null, "No space left on device")));
        assertTrue(Cli.isBadInput(new NoSuchFileException("/no/such")));
        assertTrue(Cli.isBadInput(new IOException("cells.jsonl is not a regular file")));
        assertTrue(Cli.isBadInput(new java.nio.file.FileSystemException("/a-file/run", null, "Not a directory")));
        assertEquals(74, Cli.EXIT_IO);
    }

    /** B5: shards made by different code are not merged into one metadata.json that names one commit. */
    @Test
    void mergeRefusesShardsOfDifferentCommits() throws Exception {
        Path a = TestRuns.copyOfSmokeRun(tmp.resolve("a"));
        Path b = TestRuns.copyOfSmokeRun(tmp.resolve("b"));
        ObjectMapper json = ResultJson.mapper();
        ObjectNode meta = (ObjectNode) json.readTree(b.resolve(RunStore.METADATA).toFile());
        ObjectNode software = (ObjectNode) meta.get("software");
        software.put("gitCommit", "0123456789abcdef0123456789abcdef01234567")
                .put("gitDirty", !software.get("gitDirty").asBoolean());
        Files.write(b.resolve(RunStore.METADATA), json.writeValueAsBytes(meta));
        String m = message(cli(Map.of("inputs", a + "," + b, "out", tmp.resolve("merged").toString())), "merge");
        assertTrue(m.contains("git commit") && m.contains("0123456789abcdef") && m.contains("dirty"), m);
        assertFalse(Files.exists(tmp.resolve("merged").resolve(RunStore.CELLS)));
    }

    /** B6: an --out folder of someone else's files is not written into. */
    @Test
    void anOutFolderOfOtherFilesIsRefusedAndLeftAlone() throws Exception {
        Path theirs = Files.createDirectories(tmp.resolve("theirs"));
        Files.writeString(theirs.resolve("report.html"), "their report");
        String m = message(cli(Map.of("out", theirs.toString())), "run");
        assertTrue(m.contains("not an initbench run's (report.html)"), m);
        assertEquals("their report", Files.readString(theirs.resolve("report.html")));
        try (var files = Files.list(theirs)) {
            assertEquals(1, files.count(), "nothing added");
        }
    }

    /** B7: one rule for every command: a run directory without suite.json or metadata.json is refused. */
    @Test
    void aRunWithoutSuiteOrMetadataIsRefusedByEveryCommand() throws Exception {
        Path noSuite = TestRuns.copyOfSmokeRun(tmp.resolve("no-suite"));
        Files.delete(noSuite.resolve(RunStore.SUITE));
        String m = message(cli(Map.of("out", noSuite.toString(), "seeds", "1,2")), "run");
        assertTrue(m.contains("incomplete run directory") && m.contains("no suite.json"), m);
        assertEquals(4, RunStore.readCells(noSuite).size(), "not widened");

        Path noMeta = TestRuns.copyOfSmokeRun(tmp.resolve("no-meta"));
        Path base = TestRuns.copyOfSmokeRun(tmp.resolve("base"));
        Files.delete(noMeta.resolve(RunStore.METADATA));
        for (Map<String, String> props : List.of(Map.of("command", "report", "run", noMeta.toString()),
                Map.of("command", "compare", "run", noMeta.toString(), "baseline", base.toString()),
                Map.of("command", "compare", "run", base.toString(), "baseline", noMeta.toString()),
                Map.of("command", "merge", "inputs", noMeta.toString(), "out", tmp.resolve("m").toString()),
                Map.of("out", noMeta.toString()))) {
            assertEquals(Cli.EXIT_BAD_INPUT, cli(props).run(new String[0]), props.toString());
            String why = message(cli(props), props.getOrDefault("command", "run"));
            assertTrue(why.contains("incomplete run directory") && why.contains("no metadata.json"), why);
        }
    }

    /** B8: a torn last record: report warns, compare says the run is incomplete instead of only MISSING. */
    @Test
    void aTornLastRecordIsCalledAnIncompleteRun() throws Exception {
        Path dir = TestRuns.copyOfSmokeRun(tmp.resolve("torn"));
        Path base = TestRuns.copyOfSmokeRun(tmp.resolve("base"));
        List<String> lines = Files.readAllLines(dir.resolve(RunStore.CELLS));
        Files.write(dir.resolve(RunStore.CELLS), lines.subList(0, 3));
        Files.writeString(dir.resolve(RunStore.CELLS), lines.get(3).substring(0, 100), StandardOpenOption.APPEND);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cli(Map.of("command", "compare", "run", dir.toString(), "baseline", base.toString()), out).run(new String[0]);
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("the run " + dir + " is incomplete") && said.contains("torn"), said);
    }

    /** B8: binary bytes in journal.log are named as corruption, not "Input length = 3". */
    @Test
    void aJournalWithBinaryBytesIsNamedCorrupt() throws Exception {
        Path dir = TestRuns.copyOfSmokeRun(tmp.resolve("binary"));
        Files.write(dir.resolve(RunStore.JOURNAL), new byte[] {'s', 't', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '\n'},
                StandardOpenOption.APPEND);
        String m = message(cli(Map.of("out", dir.toString())), "run");
        assertTrue(m.contains("journal.log holds bytes that are not UTF-8 text"), m);
        assertFalse(m.contains("Input length"), m);
    }

    /** B8: a merge killed half-way is refused by report and replaced by the next merge. */
    @Test
    void anInterruptedMergeIsRefusedAndReplacedByTheNextMerge() throws Exception {
        Path in = TestRuns.copyOfSmokeRun(tmp.resolve("in"));
        Path target = tmp.resolve("merged");
        Map<String, String> merge = Map.of("inputs", in.toString(), "out", target.toString());
        TestRuns.merge(cli(merge));
        // as if killed after two records: before the journal said "merged"
        List<String> cells = Files.readAllLines(target.resolve(RunStore.CELLS));
        Files.write(target.resolve(RunStore.CELLS), cells.subList(0, 2));
        List<String> journal = new ArrayList<>(Files.readAllLines(target.resolve(RunStore.JOURNAL)));
        assertTrue(journal.remove("merged"), journal.toString());
        Files.write(target.resolve(RunStore.JOURNAL), journal);
        String m = message(cli(Map.of("run", target.toString())), "report");
        assertTrue(m.contains("merge that was interrupted"), m);
        RunOutcome again = TestRuns.merge(cli(merge));
        assertEquals(4, again.records().size());
        assertEquals(4, RunStore.readCells(target).size());
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "report", "run", target.toString())).run(new String[0]));
    }

    /** B8: the baseline is the previous run in run order, even when the clock went back between them. */
    @Test
    void theBaselineIsChosenByRunOrderNotByTheClock() throws Exception {
        Path suiteDir = tmp.resolve("results/smoke");
        Path older = TestRuns.copyOfSmokeRun(suiteDir.resolve("b-first"));
        Path newer = TestRuns.copyOfSmokeRun(suiteDir.resolve("a-second"));
        Files.writeString(older.resolve(RunStore.JOURNAL), "run 1\nshard 0/1\n");
        Files.writeString(newer.resolve(RunStore.JOURNAL), "run 2\nshard 0/1\n");
        ObjectMapper json = ResultJson.mapper();
        setStartedAt(json, older, "2030-01-01T00:00:00Z");
        setStartedAt(json, newer, "2020-01-01T00:00:00Z"); // the clock was set back
        RunDirectories.Baseline b = RunDirectories.baseline(newer);
        assertEquals(older.toAbsolutePath().normalize(), b.dir().toAbsolutePath().normalize());
        assertTrue(b.why().contains("run 1") && b.why().contains("run 2"), b.why());
        assertThrows(IllegalArgumentException.class, () -> RunDirectories.baseline(older), "nothing came before run 1");
    }

    private static void setStartedAt(ObjectMapper json, Path dir, String at) throws IOException {
        ObjectNode meta = (ObjectNode) json.readTree(dir.resolve(RunStore.METADATA).toFile());
        ((ObjectNode) meta.get("run")).put("startedAt", at);
        Files.write(dir.resolve(RunStore.METADATA), json.writeValueAsBytes(meta));
    }

    /** First hour 2: a run that fails after loading data leaves nothing that blocks the corrected re-run. */
    @Test
    void aRunThatFailsBeforeItsFirstRecordLeavesNoDirectory() throws Exception {
        Path out = tmp.resolve("results/smoke/new-run");
        String m = message(cli(Map.of("out", out.toString(), "validationSize", "60000")), "run");
        assertTrue(m.contains("lower validationSize"), m);
        assertFalse(Files.exists(out), "the failed run left " + out);
        assertFalse(Files.exists(tmp.resolve("results")), "nor its parents");
        Files.createDirectories(out); // an empty --out given by the user stays, emptied again
        message(cli(Map.of("out", out.toString(), "validationSize", "60000")), "run");
        try (var files = Files.list(out)) {
            assertEquals(0, files.count());
        }
        RunOutcome fixed = TestRuns.runSuite(cli(Map.of("out", out.toString(), "validationSize", "100")));
        assertEquals(4, fixed.records().size());
    }

    /** First hour 3: a finished command leaves no lock file behind (report in a checkout left it untracked). */
    @Test
    void aReportLeavesNoLockFile() throws Exception {
        Path dir = TestRuns.copyOfSmokeRun(tmp.resolve("report"));
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "report", "run", dir.toString())).run(new String[0]));
        assertFalse(Files.exists(dir.resolve(io.initbench.harness.result.RunLock.FILE)));
    }
}
