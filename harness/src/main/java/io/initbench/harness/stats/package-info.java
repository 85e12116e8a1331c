/**
 * Statistics over seeds: cells that differ only by seed form a {@link io.initbench.harness.stats.SeedGroup}
 * (accuracy over its OK seeds, its status counts, and convergence speed as censored data with a
 * {@link io.initbench.harness.stats.KaplanMeier} median); {@link io.initbench.harness.stats.Summary} is the
 * mean, standard deviation and Student-t 95% interval. Initializers are ranked per table and activation
 * ({@link io.initbench.harness.stats.Ranking}) and compared all pairs, or against a baseline the suite
 * declares, on the seeds they share ({@link io.initbench.harness.stats.PairedComparison}: paired t-test,
 * Wilcoxon signed-rank, difference with its interval); each table is one family
 * ({@link io.initbench.harness.stats.ComparisonFamily}) corrected with {@link io.initbench.harness.stats.Holm}'s
 * step-down method, with a run-wide correction beside it ({@link io.initbench.harness.stats.RunStatistics}),
 * and each pair gets an equivalence test against the suite's margin and a
 * {@link io.initbench.harness.stats.Verdict} ({@link io.initbench.harness.stats.Equivalence}).
 * The tests and distributions are commons-math3's; Kaplan–Meier, Holm and TOST, which it lacks, are
 * computed here.
 *
 * <p>{@link io.initbench.harness.stats.Tuning} is the other analysis of records: the learning rate each
 * configuration's tuning cells choose. It is a pure function of the records, read by the run's scheduler
 * ({@code api.Runner}: which cells are decided), by {@code merge} and by the tuning report alike, so it
 * lives with the statistics rather than with training.
 */
package io.initbench.harness.stats;
