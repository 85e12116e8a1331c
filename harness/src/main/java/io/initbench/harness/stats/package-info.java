/**
 * Statistics over seeds: cells that differ only by seed form a {@link io.initbench.harness.stats.SeedGroup},
 * summarised as mean, standard deviation and a Student-t 95% confidence interval
 * ({@link io.initbench.harness.stats.Summary}); initializers are ranked per activation × BatchNorm with
 * Welch's t-test against the best ({@link io.initbench.harness.stats.Ranking}). The arithmetic is
 * commons-math3's; this package only decides what is compared with what.
 */
package io.initbench.harness.stats;
