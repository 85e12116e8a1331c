package io.initbench.harness.result;

import io.initbench.harness.spec.CellSpec;
import java.util.List;

/**
 * Everything known about one cell: the line written to {@code cells.jsonl}.
 *
 * @param index   position of the cell in the suite's grid (reports keep this order)
 * @param reason  why a cell is not OK (null when OK)
 * @param error   stack trace of an ERROR cell, else null
 */
public record CellRecord(int formatVersion, String cellId, int index, String suite, String runId, CellSpec cell,
                         Status status, String reason, String error, Metrics metrics, List<CurvePoint> curve,
                         Diagnostics diagnostics, String startedAt, String finishedAt, String worker, Provenance provenance) {
    public static final int FORMAT_VERSION = 2;

    public CellRecord {
        curve = List.copyOf(curve);
        // records of cells that never trained, or written before diagnostics existed, carry none
        diagnostics = diagnostics == null ? Diagnostics.none() : diagnostics;
    }
}
