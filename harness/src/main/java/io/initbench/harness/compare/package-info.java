/**
 * Tonight against last night: {@link io.initbench.harness.compare.RunComparison} matches two runs'
 * configurations by id and flags changes of status, accuracy and convergence speed beyond their
 * confidence intervals; {@link io.initbench.harness.compare.ComparisonReport} writes the result as
 * Markdown and as JUnit XML for CI servers.
 */
package io.initbench.harness.compare;
