package io.initbench.harness.report;

import java.io.IOException;

/** Renders a run in one output format. */
@FunctionalInterface
public interface ReportWriter {
    void write(RunResults run, Appendable out) throws IOException;
}
