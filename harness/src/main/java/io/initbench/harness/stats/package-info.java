/**
 * Statistics over seeds: cells that differ only by seed form a {@link io.initbench.harness.stats.SeedGroup}
 * (accuracy over its OK seeds, its status counts, and convergence speed as censored data with a
 * {@link io.initbench.harness.stats.KaplanMeier} median); {@link io.initbench.harness.stats.Summary} is the
 * mean, standard deviation and Student-t 95% interval. Initializers are ranked per activation × BatchNorm ×
 * ... ({@link io.initbench.harness.stats.Ranking}), each compared with the best on the seeds they share
 * ({@link io.initbench.harness.stats.PairedComparison}: paired t-test, Wilcoxon signed-rank, difference with
 * its interval), corrected with {@link io.initbench.harness.stats.Holm}'s step-down method within the family.
 * The tests and distributions are commons-math3's; Kaplan–Meier and Holm, which it lacks, are computed here.
 */
package io.initbench.harness.stats;
