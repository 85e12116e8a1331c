package io.initbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.initbench.harness.TestData;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.spec.Axes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

/** The same seeds must give the same numbers whatever the number of workers. */
class SuiteRunnerTest {
    @TempDir
    Path tmp;

    /**
     * Runs {@code cells} with {@code runner} into {@code dir} on the synthetic data, one native thread per
     * worker, and checks that every returned record is on disk.
     */
    static List<CellRecord> run(SuiteRunner runner, int workers, List<CellSpec> cells, Path dir) throws Exception {
        return run(runner, workers, cells, dir, 1, SuiteRunner.Listener.NONE);
    }

    private static List<CellRecord> run(SuiteRunner runner, int workers, List<CellSpec> cells, Path dir, int threads,
            SuiteRunner.Listener listener) throws Exception {
        NativeThreads.configure(threads);
        Provenance p = new Provenance(new Provenance.Software("v", "c", false, "d", "b", Map.of(), null, null, null,
                "jvm"), new Provenance.Machine("cpu", 2, null, "os", "h"),
                new Provenance.Run("t", "run-" + workers, "now", workers, 1), List.of());
        SuiteSpec suite = new SuiteSpec("t", "", Axes.DEFAULTS, cells.get(0).training());
        try (RunStore store = RunStore.create(dir, suite, p)) {
            List<CellRecord> records = runner.run("t", cells, IntStream.range(0, cells.size()).boxed().toList(),
                    id -> TestData.dataset(), store, p, listener);
            assertEquals(records.size(), RunStore.readCells(store.dir()).size(), "every record is on disk");
            return records;
        }
    }

    private List<CellRecord> run(int workers, List<CellSpec> cells) throws Exception {
        return run(new SuiteRunner(workers), workers, cells, tmp.resolve("w" + workers));
    }

    @Test
    void resultsDoNotDependOnWorkerCount() throws Exception {
        var t = TestData.training(Optimizer.NESTEROVS, 2);
        List<CellSpec> cells = List.of(
                TestData.cell("XAVIER", Activation.TANH, false, 0.05, 1, t),
                TestData.cell("RELU", Activation.RELU, true, 0.05, 2, t),
                TestData.cell("NORMAL(0,0.01)", Activation.RELU, false, 0.05, 3, t),
                TestData.cell("LECUN_NORMAL", Activation.SIGMOID, true, 0.05, 4, t),
                TestData.cell("ORTHOGONAL", Activation.TANH, false, 0.05, 5, t),
                TestData.cell("LSUV", Activation.RELU, false, 0.05, 6, t));
        List<CellRecord> one = run(1, cells);
        List<CellRecord> two = run(2, cells);
        assertEquals(cells.size(), one.size());
        for (int i = 0; i < cells.size(); i++) {
            CellRecord a = one.get(i);
            CellRecord b = two.get(i);
            assertEquals(a.cellId(), b.cellId());
            assertEquals(a.status(), b.status());
            assertEquals(a.metrics().accuracy().finalTest(), b.metrics().accuracy().finalTest(), a.cell().label());
            assertEquals(a.metrics().accuracy().finalTrainLoss(), b.metrics().accuracy().finalTrainLoss(), a.cell().label());
            assertEquals(a.curve().stream().map(CurvePoint::accuracy).toList(),
                    b.curve().stream().map(CurvePoint::accuracy).toList(), a.cell().label());
            assertEquals(a.curve().stream().map(CurvePoint::trainLoss).toList(),
                    b.curve().stream().map(CurvePoint::trainLoss).toList(), "bit-identical losses " + a.cell().label());
        }
    }

    /**
     * OpenMP's thread count is per thread: set only on the configuring thread, a worker's oneDNN products
     * ran on one OpenMP thread per core, and two workers on two cores waited out each other's time slices.
     */
    @Test
    void workersRunOpsWithTheConfiguredThreadCount() throws Exception {
        int wanted = Runtime.getRuntime().availableProcessors() + 1; // not what an unconfigured thread gets
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        SuiteRunner.Listener probe = new SuiteRunner.Listener() {
            @Override
            public void cellStarted(CellSpec cell, int index) {
                seen.add(NativeThreads.current());
            }
        };
        var t = TestData.training(Optimizer.SGD, 1);
        List<CellSpec> cells = List.of(TestData.cell("XAVIER", Activation.TANH, false, 0.05, 1, t),
                TestData.cell("RELU", Activation.RELU, false, 0.05, 2, t));
        try {
            run(new SuiteRunner(2), 2, cells, tmp.resolve("threads"), wanted, probe);
        } finally {
            NativeThreads.configure(1);
        }
        assertEquals(List.of(wanted, wanted), seen);
    }
}
