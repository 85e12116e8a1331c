/**
 * Tonight against last night. The run-directory service finds the newest earlier run of the same settings
 * ({@link io.initbench.harness.result.RunDirectories#baseline}, by
 * {@link io.initbench.harness.spec.SuiteSpec#settingsFingerprint()});
 * {@link io.initbench.harness.compare.ComparisonScope} refuses a baseline of other settings (or, when
 * asked, keeps the configurations both runs have) and keeps the seeds both runs have;
 * {@link io.initbench.harness.compare.RunComparison} pairs each seed with its twin and flags changes of
 * status, accuracy and convergence speed beyond tolerance and noise;
 * {@link io.initbench.harness.compare.ComparisonReport} writes the result as Markdown and as JUnit XML
 * for CI servers (two {@link io.initbench.harness.output.OutputWriter}s).
 */
package io.initbench.harness.compare;
