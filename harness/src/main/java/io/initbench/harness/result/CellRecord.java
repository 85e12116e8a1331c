package io.initbench.harness.result;

import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import java.util.List;

/**
 * Everything known about one cell: the line written to {@code cells.jsonl}.
 *
 * @param index   position of the cell in the suite's grid (reports keep this order)
 * @param reason  why a cell is not OK (null when OK)
 * @param error   stack trace of an ERROR cell, else null
 * @param phase   what the cell was for: a grid cell, a tuning cell, or a final cell at a tuned rate
 * @param divergenceRule when the trainer that wrote the record calls a cell DIVERGED, in words (null in
 *                       records written before the rule was recorded)
 */
public record CellRecord(int formatVersion, String cellId, int index, String suite, String runId, CellSpec cell,
                         Status status, String reason, String error, Metrics metrics, List<CurvePoint> curve,
                         Diagnostics diagnostics, String startedAt, String finishedAt, String worker, Provenance provenance,
                         CellPhase phase, String divergenceRule) {
    /**
     * 4: metrics grouped (accuracy, convergence, timing) and provenance grouped (software, machine, run,
     * datasets). 3: validation split (curve points carry validationAccuracy and a nullable testAccuracy; metrics
     * carry the final validation accuracy; phase; the divergence rule). Versions 1 to 3 are upgraded by
     * {@link RecordMigration} when read; versions 1 and 2 read as cells without a validation split, whose curve
     * was measured on the test split: exactly what they were.
     */
    public static final int FORMAT_VERSION = 4;

    /** A record without a divergence rule (made outside the trainer). */
    public CellRecord(int formatVersion, String cellId, int index, String suite, String runId, CellSpec cell,
                      Status status, String reason, String error, Metrics metrics, List<CurvePoint> curve,
                      Diagnostics diagnostics, String startedAt, String finishedAt, String worker, Provenance provenance,
                      CellPhase phase) {
        this(formatVersion, cellId, index, suite, runId, cell, status, reason, error, metrics, curve, diagnostics,
                startedAt, finishedAt, worker, provenance, phase, null);
    }

    public CellRecord {
        curve = List.copyOf(curve);
        // records of cells that never trained, or written before diagnostics existed, carry none
        diagnostics = diagnostics == null ? Diagnostics.none() : diagnostics;
        // records written before tuning existed were all grid cells
        phase = phase == null ? CellPhase.GRID : phase;
    }

    /**
     * The record without what legitimately differs between two runs of the same cell (timings, dates,
     * worker, run id, provenance, the format it was read from): two runs agree on a cell when these views
     * are equal.
     */
    public CellRecord withoutTimings() {
        List<CurvePoint> c = curve.stream().map(p -> new CurvePoint(p.iteration(), p.samples(), 0, p.trainLoss(),
                p.testAccuracy(), p.validationAccuracy())).toList();
        // an ERROR's stack trace carries line numbers and thread names; its reason says what went wrong
        return new CellRecord(FORMAT_VERSION, cellId, index, suite, null, cell, status,
                status == Status.TIMEOUT ? null : reason, null, metrics.withoutTimings(), c, diagnostics, null, null,
                null, null, phase, divergenceRule);
    }
}
