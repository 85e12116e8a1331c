/**
 * Views of a run, computed from its records alone ({@link io.initbench.harness.result.RunResults}). Every
 * report is written through the common output path of {@link io.initbench.harness.output}: numbers by its
 * {@code Format}, user text escaped by its {@code Escape}. A run's reports are
 * {@link io.initbench.harness.report.ReportWriter}s registered in {@link io.initbench.harness.report.Reports}. {@code matrix.csv} is one flat row per cell for
 * spreadsheets and pandas; {@code matrix.md} pivots initializers × activations per dataset,
 * architecture and BatchNorm setting, with confidence intervals, censored convergence speed and the
 * paired, Holm-corrected rankings from {@link io.initbench.harness.stats}, worded once for it and
 * {@code report.html} by {@link io.initbench.harness.report.StatsText}; {@code groups.csv} has one row
 * per configuration with the same statistics;
 * {@code report.html} draws heatmaps (on a stated {@link io.initbench.harness.report.ColorScale}),
 * learning curves and gradient-by-depth plots as inline SVG ({@link io.initbench.harness.report.Svg},
 * which also declares the one colour of each initializer). {@link io.initbench.harness.report.History}
 * indexes a suite's runs and draws each configuration's accuracy over them.
 * {@link io.initbench.harness.report.TuningReport} shows the rate choice of
 * {@link io.initbench.harness.stats.Tuning}.
 */
package io.initbench.harness.report;
