package io.initbench.harness.api;

import io.initbench.harness.train.SuiteRunner;

/** Hears about a run's cells as they start and finish; closed when the run ends, however it ends. */
public interface RunListener extends SuiteRunner.Listener, AutoCloseable {
    /** Hears nothing. */
    RunListener NONE = new RunListener() {
    };

    @Override
    default void close() {
    }

    /** Opens the listener of one run, once the number of cells to train is known. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param suite the suite's name
         * @param cells the cells this run will train (a resumed run: those not yet recorded)
         */
        RunListener open(String suite, int cells);
    }
}
