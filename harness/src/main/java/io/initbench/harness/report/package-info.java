/**
 * Views of a run, computed from its records alone: each output format is a
 * {@link io.initbench.harness.report.ReportWriter} (one method), registered in
 * {@link io.initbench.harness.report.Reports}. {@code matrix.csv} is one flat row per cell for
 * spreadsheets and pandas; {@code matrix.md} pivots initializers × activations per dataset,
 * architecture and BatchNorm setting.
 */
package io.initbench.harness.report;
