package io.initbench.harness.result;

import io.initbench.harness.spec.CellSpec;
import java.util.List;

/**
 * Everything known about one cell: the line written to {@code cells.jsonl}.
 *
 * @param index   position of the cell in the suite's grid (reports keep this order)
 * @param reason  why a cell is not OK (null when OK)
 * @param error   stack trace of an ERROR cell, else null
 * @param divergenceRule when the trainer that wrote the record calls a cell DIVERGED, in words (null in
 *                       records written before the rule was recorded)
 */
public record CellRecord(int formatVersion, String cellId, int index, String suite, String runId, CellSpec cell,
                         Status status, String reason, String error, Metrics metrics, List<CurvePoint> curve,
                         Diagnostics diagnostics, String startedAt, String finishedAt, String worker, Provenance provenance,
                         String divergenceRule) {
    public static final int FORMAT_VERSION = 2;

    /** A record without a divergence rule (made outside the trainer). */
    public CellRecord(int formatVersion, String cellId, int index, String suite, String runId, CellSpec cell,
                      Status status, String reason, String error, Metrics metrics, List<CurvePoint> curve,
                      Diagnostics diagnostics, String startedAt, String finishedAt, String worker, Provenance provenance) {
        this(formatVersion, cellId, index, suite, runId, cell, status, reason, error, metrics, curve, diagnostics,
                startedAt, finishedAt, worker, provenance, null);
    }

    public CellRecord {
        curve = List.copyOf(curve);
        // records of cells that never trained, or written before diagnostics existed, carry none
        diagnostics = diagnostics == null ? Diagnostics.none() : diagnostics;
    }

    /**
     * The record without what legitimately differs between two runs of the same cell (timings, dates,
     * worker, run id, provenance): two runs agree on a cell when these views are equal.
     */
    public CellRecord withoutTimings() {
        Metrics m = metrics;
        Metrics mt = new Metrics(m.finalAccuracy(), m.bestAccuracy(), m.finalTrainLoss(), m.initialAccuracy(),
                m.iterationsToTarget(), m.samplesToTarget(), null, m.auc(), m.divergedAtIteration(), m.iterations(),
                m.samples(), 0, 0, 0, null, m.parameterCount());
        List<CurvePoint> c = curve.stream().map(p -> new CurvePoint(p.iteration(), p.samples(), 0, p.trainLoss(),
                p.testAccuracy())).toList();
        // an ERROR's stack trace carries line numbers and thread names; its reason says what went wrong
        return new CellRecord(formatVersion, cellId, index, suite, null, cell, status,
                status == Status.TIMEOUT ? null : reason, null, mt, c, diagnostics, null, null, null, null, divergenceRule);
    }
}
