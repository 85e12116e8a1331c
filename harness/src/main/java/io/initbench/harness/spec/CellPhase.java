package io.initbench.harness.spec;

/** What a cell is for; recorded with it so that a run directory explains itself. */
public enum CellPhase {
    /** a point of the grid (no tuning): its rate is a value of the learningRate axis */
    GRID,
    /** a tuning cell: one rate of the tuning grid with one tuning seed */
    TUNING,
    /** a final cell, at the rate its configuration's tuning cells chose */
    TUNED
}
