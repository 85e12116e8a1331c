package io.initbench.harness.report;

import io.initbench.harness.output.OutputWriter;
import io.initbench.harness.result.RunResults;

/** Renders a run in one output format: the reports every run directory gets ({@link Reports}). */
@FunctionalInterface
public interface ReportWriter extends OutputWriter<RunResults> {
}
