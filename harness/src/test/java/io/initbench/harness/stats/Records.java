package io.initbench.harness.stats;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made cell records for the statistics tests: MNIST, 2 epochs (budget 120,000 samples), an evaluation
 * every 100 iterations of 128 (every 12,800 samples), target 0.95; the accuracies and speeds are whatever a
 * test says.
 */
public final class Records {
    public static final long BUDGET = 120_000;
    public static final long STEP = 12_800;

    private final Map<String, CellSpec> cells = new HashMap<>();
    private int index;

    public Records(String... inits) {
        this(100, inits);
    }

    public Records(int evalEvery, String... inits) {
        this(evalEvery, "false", inits);
    }

    /** Records of these initializers with BatchNorm off and on: {@link #okWithBatchNorm} makes the "on" ones. */
    public static Records withBatchNormOffAndOn(String... inits) {
        return new Records(100, "false,true", inits);
    }

    private Records(int evalEvery, String batchNorm, String... inits) {
        Map<String, String> o = new HashMap<>();
        o.put("weightInit", String.join(",", inits));
        o.put("activation", "RELU");
        o.put("batchNorm", batchNorm);
        o.put("dataset", "mnist");
        o.put("seeds", "1,2,3,4,5,6,7,8");
        o.put("epochs", "2");
        o.put("batchSize", "128");
        o.put("evalEvery", Integer.toString(evalEvery));
        o.put("targetAccuracy", "0.95");
        o.put("train.size", "0");
        o.put("test.size", "0");
        // the whole training split, so the budget is epochs × 60,000 images
        o.put("validationSize", "0");
        o.put("maxCellSeconds", "0");
        for (CellSpec c : Grid.cells(new SuiteLoader().load("smoke", o))) {
            cells.put(c.weightInit().label() + "/" + c.seed() + (c.batchNorm() ? "/BN" : ""), c);
        }
    }

    public CellSpec cell(String init, long seed) {
        return cells.get(init + "/" + seed);
    }

    /** An OK seed with this final accuracy that never reached the target. */
    public CellRecord ok(String init, long seed, double accuracy) {
        return record(init, seed, Status.OK, accuracy, null, BUDGET);
    }

    /** An OK seed with BatchNorm on (see {@link #withBatchNormOffAndOn}). */
    public CellRecord okWithBatchNorm(String init, long seed, double accuracy) {
        return record(init, seed + "/BN", Status.OK, accuracy, null, BUDGET);
    }

    /** A seed that trained {@code samples} and reached the target after {@code toTarget} (null = never). */
    public CellRecord record(String init, long seed, Status status, Double accuracy, Long toTarget, long samples) {
        return record(init, Long.toString(seed), status, accuracy, toTarget, samples);
    }

    private CellRecord record(String init, String seedKey, Status status, Double accuracy, Long toTarget,
                              long samples) {
        CellSpec c = cells.get(init + "/" + seedKey);
        boolean diverged = status == Status.DIVERGED;
        Metrics m = new Metrics(
                new Metrics.Accuracy(diverged ? null : accuracy, diverged ? null : accuracy, accuracy, 0.1, 0.3),
                new Metrics.Convergence(toTarget == null ? null : toTarget / 128, toTarget,
                        toTarget == null ? null : 1.0, 0.5, diverged ? samples / 128 : null),
                new Metrics.Timing(samples / 128, samples, 10, 1, 11, 1000.0), 1000);
        return new CellRecord(CellRecord.FORMAT_VERSION, new CellRecord.Identity(c.id(), index++, "test", "run", c,
                CellPhase.GRID), CellRecord.Outcome.of(status, status == Status.OK ? null : status.name().toLowerCase()),
                m, List.of(), null, CellRecord.Execution.NONE, null);
    }
}
