package io.initbench.harness.report;

/** Renders a run in one output format: the reports every run directory gets ({@link Reports}). */
@FunctionalInterface
public interface ReportWriter extends OutputWriter<RunResults> {
}
