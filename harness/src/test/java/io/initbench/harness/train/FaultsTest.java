package io.initbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.harness.TestData;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

/** A fault in one cell is that cell's record; the suite goes on and nothing finished is lost. */
class FaultsTest {
    @TempDir
    Path tmp;

    private List<CellRecord> run(SuiteRunner runner, List<CellSpec> cells, Path dir) throws Exception {
        return SuiteRunnerTest.run(runner, 2, cells, dir);
    }

    /**
     * A real allocation failure: a 784 × 100,000,000 layer needs 314 GB of parameters, far more than the machine
     * has (CI and this one: 24 GB), so ND4J's native allocator fails at once (std::bad_alloc). A size
     * just under the memory would allocate and run for minutes instead, so this stays far above it.
     */
    @Test
    void outOfMemoryInOneCellIsAnErrorRecordAndTheOthersFinish() throws Exception {
        var t = TestData.training(Optimizer.SGD, 1);
        CellSpec huge = new CellSpec(DatasetId.MNIST, Architecture.MLP, 1, 100_000_000, InitSpec.parse("XAVIER"),
                Activation.RELU, false, new BiasSpec.Constant(0.0), 0.1, 1, t);
        List<CellSpec> cells = List.of(TestData.cell("XAVIER", Activation.TANH, false, 1, t), huge,
                TestData.cell("RELU", Activation.RELU, false, 2, t));
        long t0 = System.nanoTime();
        List<CellRecord> records = run(new SuiteRunner(2), cells, tmp.resolve("oom"));
        System.out.println("OOM cell: " + records.get(1).reason() + " after " + (System.nanoTime() - t0) / 1e9 + " s");
        assertEquals(3, records.size());
        assertEquals(Status.OK, records.get(0).status());
        assertEquals(Status.ERROR, records.get(1).status(), records.get(1).reason());
        // the runner's memory check refuses it before anything is allocated
        assertTrue(records.get(1).reason().startsWith("not enough memory for this cell: "), records.get(1).reason());
        assertTrue(records.get(1).reason().contains("-Xmx"), "says which limit to raise");
        assertEquals(Status.OK, records.get(2).status());
        assertEquals(3, RunStore.readCells(tmp.resolve("oom")).size());
        // past that check, the allocation failure itself is still that cell's ERROR, with its stack trace
        CellTrainer.Outcome o = new CellTrainer().run(huge, TestData.prepared());
        assertEquals(Status.ERROR, o.status(), o.reason());
        assertTrue(o.reason().startsWith("out of memory: "), o.reason());
        assertTrue(o.reason().contains("-Xmx"), "says which limit to raise");
        assertNotNull(o.error(), "stack trace kept");
    }

    @Test
    void anythingThrownOutOfATrainerIsThatCellsError() throws Exception {
        var t = TestData.training(Optimizer.SGD, 1);
        List<CellSpec> cells = List.of(TestData.cell("XAVIER", Activation.TANH, false, 1, t),
                TestData.cell("XAVIER", Activation.TANH, false, 2, t),
                TestData.cell("XAVIER", Activation.TANH, false, 3, t));
        CellTrainer real = new CellTrainer();
        SuiteRunner faulty = new SuiteRunner(2, (cell, data) -> {
            if (cell.seed() == 2) {
                throw new IllegalStateException("injected fault");
            }
            if (cell.seed() == 3) {
                throw new OutOfMemoryError("injected: Java heap space");
            }
            return real.run(cell, data);
        });
        List<CellRecord> records = run(faulty, cells, tmp.resolve("faults"));
        assertEquals(List.of(Status.OK, Status.ERROR, Status.ERROR), records.stream().map(CellRecord::status).toList());
        assertEquals("IllegalStateException: injected fault", records.get(1).reason());
        assertTrue(records.get(1).outcome().error().contains("FaultsTest"), "the trace points at the failing code");
        assertTrue(records.get(2).reason().startsWith("out of memory: OutOfMemoryError: injected"),
                records.get(2).reason());
    }

    /** Disk full: /dev/full answers every write with ENOSPC. The error names the file and the cause. */
    @Test
    void diskFullIsAClearErrorAndEarlierRecordsStayIntact() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        var t = TestData.training(Optimizer.SGD, 1);
        List<CellSpec> cells = List.of(TestData.cell("XAVIER", Activation.TANH, false, 1, t),
                TestData.cell("RELU", Activation.RELU, false, 2, t));
        Path dir = tmp.resolve("full");
        List<CellRecord> before = run(new SuiteRunner(1), cells.subList(0, 1), dir);
        byte[] kept = Files.readAllBytes(dir.resolve(RunStore.CELLS));
        // the disk fills up: from now on, appends go to /dev/full
        Path moved = dir.resolve("cells.kept");
        Files.move(dir.resolve(RunStore.CELLS), moved);
        Files.createSymbolicLink(dir.resolve(RunStore.CELLS), Path.of("/dev/full"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> run(new SuiteRunner(1), cells.subList(1, 2), dir));
        assertTrue(e.getMessage().contains("cannot append to " + dir.resolve(RunStore.CELLS)), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(1, before.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(kept, Files.readAllBytes(moved), "earlier records untouched");
    }
}
