package io.initbench.harness.spec;

/** What a cell is for; recorded with it so that a run directory explains itself. */
public enum CellPhase {
    /**
     * a point of the grid: its rate is a value of the learningRate axis (no tuning) or one an override fixes
     * (in a tuned suite, a configuration the suite leaves out of tuning)
     */
    GRID,
    /** a tuning cell: one rate of the tuning grid with one tuning seed */
    TUNING,
    /** a final cell, at the rate its configuration's tuning cells chose */
    TUNED
}
