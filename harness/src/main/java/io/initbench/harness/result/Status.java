package io.initbench.harness.result;

/** How a cell ended. */
public enum Status {
    /** trained to the end with finite loss and parameters */
    OK,
    /** loss or a parameter became NaN/Inf; training stopped at that iteration */
    DIVERGED,
    /** DL4J cannot build this combination (e.g. IDENTITY init on a non-square layer); the reason says why */
    SKIPPED,
    /** an exception during training; the record holds the stack trace */
    ERROR,
    /** the cell's wall-time budget ran out; metrics cover what was trained */
    TIMEOUT
}
