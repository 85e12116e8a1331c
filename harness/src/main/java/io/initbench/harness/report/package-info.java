/**
 * Views of a run, computed from its records alone: each output format is a
 * {@link io.initbench.harness.report.ReportWriter} (one method), registered in
 * {@link io.initbench.harness.report.Reports}. {@code matrix.csv} is one flat row per cell for
 * spreadsheets and pandas; {@code matrix.md} pivots initializers × activations per dataset,
 * architecture and BatchNorm setting, with confidence intervals and rankings from
 * {@link io.initbench.harness.stats}; {@code groups.csv} has one row per configuration;
 * {@code report.html} draws heatmaps, learning curves and gradient-by-depth plots as inline SVG
 * ({@link io.initbench.harness.report.Svg}). {@link io.initbench.harness.report.History} indexes a
 * suite's runs.
 */
package io.initbench.harness.report;
