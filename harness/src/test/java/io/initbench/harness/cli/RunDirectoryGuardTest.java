package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.ResultJson;
import io.initbench.harness.result.RunLock;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What protects a run directory: the lock against a second process, the journal against a cell that kills
 * the process on every resume, the checks that a resume or a merge matches what the directory holds.
 */
class RunDirectoryGuardTest {
    /** The props {@link TestRuns#copyOfSmokeRun} was made with. */
    private static final Map<String, String> FIXTURE = Map.of("suite", "smoke", "weightInit", "XAVIER,RELU",
            "train.size", "500", "test.size", "200", "epochs", "1");

    @TempDir
    Path tmp;

    private Cli cli(Map<String, String> extra) {
        return cli(extra, new ByteArrayOutputStream());
    }

    private Cli cli(Map<String, String> extra, ByteArrayOutputStream stdout) {
        Map<String, String> props = new HashMap<>(FIXTURE);
        props.putAll(extra);
        return TestRuns.cli(tmp, props, stdout);
    }

    private static String message(Cli cli, String command) {
        return assertThrows(RuntimeException.class, () -> cli.execute(command)).getMessage();
    }

    private Process smokeProcess(Path out, String logName, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "-Dsuite=smoke", "-Dworkers=1", "-Dthreads=1",
                "-Dout=" + out, "-Ddatasets.mirror=" + new File(TestRuns.MIRROR).getAbsolutePath(),
                "-Ddatasets.dir=" + tmp.resolve("cache-" + logName)));
        cmd.addAll(List.of(extra));
        cmd.add(Main.class.getName());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(logName).toFile()).start();
    }

    /** Waits until a process has written its pid into the directory's lock file. */
    private static void awaitLock(Path dir, Process p) throws Exception {
        Path lock = dir.resolve(RunLock.FILE);
        for (int i = 0; i < 1200; i++) {
            if (Files.exists(lock) && Files.readString(lock).contains("pid=" + p.pid())) {
                return;
            }
            assertTrue(p.isAlive(), "the first run ended before it took the lock");
            Thread.sleep(50);
        }
        throw new AssertionError("no lock taken in 60 s");
    }

    @Test
    void aSecondProcessOnTheSameDirectoryIsRefusedAndTheFirstKeepsItsRecords() throws Exception {
        Path dir = tmp.resolve("same");
        Process first = smokeProcess(dir, "first.log", "-Depochs=4");
        awaitLock(dir, first);
        Process second = smokeProcess(dir, "second.log", "-Depochs=4");
        assertTrue(second.waitFor(2, TimeUnit.MINUTES));
        String log2 = Files.readString(tmp.resolve("second.log"));
        assertEquals(Cli.EXIT_BAD_INPUT, second.exitValue(), log2);
        assertTrue(log2.contains("in use by another initbench process (pid=" + first.pid() + " host="), log2);
        assertTrue(log2.contains("started="), log2);
        assertTrue(first.isAlive() || first.exitValue() == 0, "the refused run must not disturb the first");
        assertTrue(first.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, first.exitValue(), Files.readString(tmp.resolve("first.log")));
        List<CellRecord> records = RunStore.readCells(dir); // throws on a cell recorded twice
        assertEquals(8, records.size());
        assertEquals(1, records.stream().map(r -> r.identity().runId()).distinct().count());
        assertFalse(Files.exists(dir.resolve(RunLock.FILE)), "a clean finish leaves no lock file");
    }

    @Test
    void aLockHeldInThisJvmRefusesARunReportAndMerge() throws Exception {
        Path dir = TestRuns.copyOfSmokeRun(tmp.resolve("held"));
        try (RunLock held = RunLock.acquire(dir, "test")) {
            String m = message(cli(Map.of("out", dir.toString())), "run");
            assertTrue(m.contains("in use by another initbench process (pid=" + ProcessHandle.current().pid()), m);
            assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("command", "report", "run", dir.toString())).run(new String[0]));
            Path target = tmp.resolve("target");
            try (RunLock t = RunLock.acquire(target, "test")) {
                assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("command", "merge", "inputs", dir.toString(), "out",
                        target.toString())).run(new String[0]));
            }
        }
        // released: the same commands work
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "report", "run", dir.toString())).run(new String[0]));
    }

    @Test
    void aLockLeftByAKilledProcessIsTakenOver() throws Exception {
        Path dir = tmp.resolve("killed");
        Process p = smokeProcess(dir, "killed.log", "-Depochs=2", "-Dtrain.size=500");
        awaitLock(dir, p);
        p.destroyForcibly();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertTrue(Files.readString(dir.resolve(RunLock.FILE)).contains("pid=" + p.pid()), "the dead holder's pid stays");
        RunOutcome o = TestRuns.runSuite(TestRuns.cli(tmp, Map.of("suite", "smoke", "out", dir.toString(), "epochs", "2", "train.size", "500",
                "workers", "1")));
        assertEquals(8, o.records().size());
        assertEquals(8, RunStore.readCells(dir).size());
    }

    /** The 17 GB cell under -Xmx1g used to grow the process until the kernel killed it, recording nothing. */
    @Test
    void aCellBeyondTheMemoryLimitIsRecordedErrorAndTheOtherCellsRun() throws Exception {
        Path dir = tmp.resolve("wide");
        Process p = smokeProcess(dir, "wide.log", "-Dwidth=65536,64", "-DweightInit=XAVIER", "-Dactivation=RELU",
                "-Dtrain.size=500", "-Dtest.size=200", "-Depochs=1");
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("wide.log")));
        List<CellRecord> records = RunStore.readCells(dir);
        assertEquals(2, records.size());
        CellRecord wide = records.stream().filter(r -> r.cell().width() == 65536).findFirst().orElseThrow();
        assertEquals(Status.ERROR, wide.status());
        assertTrue(wide.reason().startsWith("not enough memory for this cell: it needs about "), wide.reason());
        assertTrue(wide.reason().contains("off-heap limit 1.0 GiB"), wide.reason());
        assertEquals(Status.OK, records.stream().filter(r -> r.cell().width() == 64).findFirst().orElseThrow().status());
    }

    @Test
    void aCellTheProcessDiedInTwiceIsRecordedErrorAndOnceIsRetried() throws Exception {
        Path dir = TestRuns.copyOfSmokeRun(tmp.resolve("poison"));
        List<String> lines = Files.readAllLines(dir.resolve(RunStore.CELLS));
        assertEquals(4, lines.size());
        ObjectMapper json = ResultJson.mapper();
        String killer = json.readTree(lines.get(3)).get("cellId").asText();
        String retried = json.readTree(lines.get(2)).get("cellId").asText();
        // both died once while training (their records never written); the killer was also retried and died again
        Files.write(dir.resolve(RunStore.CELLS), lines.subList(0, 2));
        Files.writeString(dir.resolve(RunStore.JOURNAL), "started " + killer + "\n", StandardOpenOption.APPEND);
        Map<String, Integer> before = RunStore.starts(dir);
        assertEquals(2, before.get(killer));
        assertEquals(1, before.get(retried));

        RunOutcome o = TestRuns.runSuite(cli(Map.of("out", dir.toString())));
        CellRecord k = o.records().stream().filter(r -> r.cellId().equals(killer)).findFirst().orElseThrow();
        CellRecord r = o.records().stream().filter(x -> x.cellId().equals(retried)).findFirst().orElseThrow();
        assertEquals(Status.ERROR, k.status());
        assertTrue(k.reason().startsWith("the process died during this cell 2 times"), k.reason());
        assertTrue(k.reason().contains("remove the cell"), k.reason());
        assertEquals(Status.OK, r.status(), r.reason());
        assertEquals(2, RunStore.starts(dir).get(retried));
        assertEquals(2, RunStore.starts(dir).get(killer), "the poison cell is not started a third time");
        assertEquals(4, RunStore.readCells(dir).size());
    }

    /**
     * B1: SIGTERM (an orderly stop, like SIGINT) while cells train journals them as stopped: the resume
     * trains them again instead of counting the stop as a death in them (two stops used to record ERROR).
     */
    @Test
    void anOrderlyStopDoesNotCountAgainstTheCellsInFlight() throws Exception {
        Path dir = tmp.resolve("term");
        for (int stop = 1; stop <= 2; stop++) {
            Process p = smokeProcess(dir, "term" + stop + ".log", "-Depochs=20", "-Dtrain.size=2000");
            Path journal = dir.resolve(RunStore.JOURNAL);
            for (int i = 0; i < 1200 && !(Files.exists(journal) && Files.readString(journal).contains("started ")
                    && Files.readString(journal).split("started ", -1).length > stop); i++) {
                assertTrue(p.isAlive(), Files.readString(tmp.resolve("term" + stop + ".log")));
                Thread.sleep(50);
            }
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        }
        String journal = Files.readString(dir.resolve(RunStore.JOURNAL));
        assertTrue(journal.contains("stopped "), journal);
        assertEquals(Map.of(), RunStore.starts(dir), "no start counts as a death: " + journal);
    }

    @Test
    void aResumeWithAnotherShardOrSeedListIsRefused() throws Exception {
        Path dir = TestRuns.copyOfSmokeRun(tmp.resolve("resume"));
        String suiteBefore = Files.readString(dir.resolve(RunStore.SUITE));
        String m = message(cli(Map.of("out", dir.toString(), "shard", "0/2")), "run");
        assertTrue(m.contains("holds shard 0/1") && m.contains("-Dshard=0/1"), m);
        m = message(cli(Map.of("out", dir.toString(), "seeds", "1,2")), "run");
        assertTrue(m.contains("was started with other suite settings"), m);
        assertEquals(suiteBefore, Files.readString(dir.resolve(RunStore.SUITE)), "suite.json untouched");
    }

    @Test
    void anOutThatIsAFileIsNamedBeforeDatasetsLoad() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        String m = message(cli(Map.of("out", file.toString(), "datasets.mirror", tmp.resolve("no-mirror").toString())),
                "run");
        assertTrue(m.contains("is a file, not a directory"), m);
    }

    @Test
    void mergeRefusesARecordOutsideTheGridAndATornRecordUnlessPartial() throws Exception {
        Path dir = TestRuns.copyOfSmokeRun(tmp.resolve("in"));
        List<String> lines = Files.readAllLines(dir.resolve(RunStore.CELLS));
        ObjectMapper json = ResultJson.mapper();

        Path extra = TestRuns.copyFiles(dir, tmp.resolve("extra"));
        ObjectNode planted = (ObjectNode) json.readTree(lines.get(0));
        ((ObjectNode) planted.get("cell")).put("seed", 99);
        planted.withObject("/metrics/accuracy").put("finalTest", 0.0123);
        planted.put("cellId", "99" + planted.get("cellId").asText().substring(2));
        Files.writeString(extra.resolve(RunStore.CELLS), json.writeValueAsString(planted) + "\n",
                StandardOpenOption.APPEND);
        String m = message(cli(Map.of("command", "merge", "inputs", extra.toString(), "out",
                tmp.resolve("m1").toString())), "merge");
        assertTrue(m.contains("which is not in the grid of"), m);
        assertFalse(Files.exists(tmp.resolve("m1").resolve(RunStore.CELLS)));

        Path torn = TestRuns.copyFiles(dir, tmp.resolve("torn"));
        String tornId = json.readTree(lines.get(3)).get("cellId").asText();
        Files.write(torn.resolve(RunStore.CELLS), lines.subList(0, 3));
        Files.writeString(torn.resolve(RunStore.CELLS), lines.get(3).substring(0, lines.get(3).length() / 2),
                StandardOpenOption.APPEND);
        m = message(cli(Map.of("command", "merge", "inputs", torn.toString(), "out", tmp.resolve("m2").toString(),
                "merge.partial", "false")), "merge");
        assertTrue(m.contains("ends with a torn record (cell " + tornId), m);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        RunOutcome o = TestRuns.merge(cli(Map.of("command", "merge", "inputs", torn.toString(), "out", tmp.resolve("m3").toString(),
                "merge.partial", "true"), stdout));
        assertEquals(3, o.records().size());
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("left out the torn record at the end of "
                + torn.resolve(RunStore.CELLS) + " (cell " + tornId), stdout.toString(StandardCharsets.UTF_8));
    }
}
