package io.initbench.harness.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library entry point, without the command line: a request in, the run's records out. */
class RunnerTest {
    private static final String MIRROR = System.getProperty("initbench.testMirror", "../../shared/datasets");

    @TempDir
    Path tmp;

    @Test
    void trainsASmallSuiteAndReturnsItsRecords() throws Exception {
        RunRequest request = RunRequest.of("smoke").override("weightInit", "XAVIER").override("activation", "TANH")
                .override("train.size", "500").override("test.size", "200").override("epochs", "1").seeds(1, 2)
                .mirror(MIRROR, tmp.resolve("cache")).workDir(tmp).out(Path.of("run")).workers(2).threads(1)
                .build();
        AtomicInteger opened = new AtomicInteger(-1);
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        Runner.Outcome o = new Runner(request).progress((suite, cells) -> {
            opened.set(cells);
            return new RunListener() {
                @Override
                public void cellFinished(CellRecord r, int done, int total) {
                    finished.incrementAndGet();
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
        }).run();

        assertEquals(tmp.resolve("run"), o.dir(), "out resolves against workDir");
        assertEquals(2, o.records().size());
        assertEquals(Set.of(1L, 2L), o.records().stream().map(r -> r.cell().seed()).collect(Collectors.toSet()));
        for (CellRecord r : o.records()) {
            CellSpec c = r.cell();
            assertEquals("XAVIER", c.weightInit().label());
            assertEquals(Status.OK, r.status(), r.reason());
            assertTrue(r.metrics().accuracy().finalTest() > 0.5, c.label() + " " + r.metrics());
        }
        assertEquals(Map.of(Status.OK, 2), o.counts());
        assertEquals(2, opened.get(), "the listener is told how many cells the run trains");
        assertEquals(2, finished.get());
        assertTrue(closed.get(), "the listener is closed when the run ends");
        List<CellRecord> onDisk = new ArrayList<>(RunStore.readCells(o.dir()));
        onDisk.sort(CellRecord.GRID_ORDER);
        assertEquals(o.records(), onDisk, "the returned records are the ones written");
        assertTrue(o.reports().get("matrix.md").contains("XAVIER"), o.reports().keySet().toString());
        assertTrue(Files.isRegularFile(o.dir().resolve("matrix.csv")));

        // the same request again resumes: nothing left to train, the same records
        AtomicInteger again = new AtomicInteger(-1);
        Runner.Outcome resumed = new Runner(request).progress((suite, cells) -> {
            again.set(cells);
            return RunListener.NONE;
        }).run();
        assertEquals(0, again.get());
        assertEquals(Set.copyOf(o.records()), Set.copyOf(resumed.records()));
    }

    /** The suite settings a request carries reach the suite as the command line's do: a shorter rate search. */
    @Test
    void suiteSettingsShapeTheRunTuningIncluded() throws Exception {
        Runner.Outcome o = new Runner(RunRequest.of("smoke").override("weightInit", "XAVIER")
                .override("activation", "TANH").override("train.size", "500").override("test.size", "200")
                .override("validationSize", "200").override("epochs", "1").seeds(1)
                .override("tuning.learningRates", "0.1,0.05").override("tuning.seeds", "101")
                .override("tuning.epochs", "1").override("tuning.trainSize", "250")
                .mirror(MIRROR, tmp.resolve("cache")).workDir(tmp).out(Path.of("tuned")).workers(1).threads(1)
                .build()).run();
        List<CellRecord> tuning = o.records().stream().filter(r -> r.phase() == CellPhase.TUNING).toList();
        List<CellRecord> finals = o.records().stream().filter(r -> r.phase() == CellPhase.TUNED).toList();
        assertTrue(tuning.size() >= 2, o.records().toString());
        assertEquals(1, finals.size(), o.records().toString());
        for (CellRecord t : tuning) {
            assertEquals(250, t.cell().training().trainSize(), "a tuning cell trains on the tuning budget");
            assertEquals(101L, t.cell().seed());
        }
        assertEquals(500, finals.get(0).cell().training().trainSize(), "the final cell on the suite's");
        assertEquals(1L, finals.get(0).cell().seed());
        assertTrue(o.reports().get("matrix.md").contains("a shorter search"), o.reports().get("matrix.md"));
    }

    @Test
    void aRequestRefusesWhatARunCannotTake() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> RunRequest.of("smoke").override("epoch", "1").build());
        assertTrue(typo.getMessage().contains("'epoch' is not a suite setting") && typo.getMessage().contains("epochs"),
                typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunRequest.of("smoke").workers(0).build());
        assertThrows(IllegalArgumentException.class, () -> RunRequest.of("smoke").threads(0).build());
        assertThrows(IllegalArgumentException.class, () -> RunRequest.of("smoke").maxStarts(0).build());
        RunRequest r = RunRequest.of("smoke").overrides(Map.of("epochs", "3", "workers", "7")).workers(3).build();
        assertEquals(Map.of("epochs", "3"), r.overrides(), "only the suite settings among command-line options");
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() / 3), r.threads(), "cores / workers");
        assertEquals(io.initbench.harness.report.ColorScale.DEFAULT, r.colorScale(), "the command line's default");
    }
}
