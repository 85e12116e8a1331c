package io.initbench.harness.spec;

/**
 * How the learning rate moves over a cell's updates. The rate a cell names (an axis, or the tuned one) is
 * where every schedule starts.
 */
public enum RateSchedule {
    /** The named rate at every update: the papers' plain SGD. */
    CONSTANT,
    /**
     * The named rate decayed linearly to 0 over the cell's updates (update i of T uses rate·(1 − i/T)).
     * A budget far shorter than a paper's ends with the noise of a constant rate still in the weights;
     * decaying to 0 over the budget is the schedule that spends a fixed budget best (Li, Yumer &amp; Ramanan,
     * "Budgeted Training", ICLR 2020). A tuning cell decays over its own, shorter budget.
     */
    LINEAR;

    /** The rate of update {@code iteration} (0-based) of {@code iterations}. */
    public double rate(double start, long iteration, long iterations) {
        return switch (this) {
            case CONSTANT -> start;
            case LINEAR -> start * Math.max(0.0, 1.0 - (double) iteration / iterations);
        };
    }

    /** How the report's training line says it. */
    public String describe() {
        return switch (this) {
            case CONSTANT -> "constant";
            case LINEAR -> "decayed linearly to 0 over each cell's updates";
        };
    }
}
