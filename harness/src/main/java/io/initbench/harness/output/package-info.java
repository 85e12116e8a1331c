/**
 * The one output path of every command (run, report, merge, compare, audit, bench): each named output is an
 * {@link io.initbench.harness.output.OutputWriter} (one method) that {@link io.initbench.harness.output.Outputs}
 * renders and writes atomically; numbers become text in {@link io.initbench.harness.output.Format} (always
 * {@code Locale.ROOT}) and user-controlled text is escaped by {@link io.initbench.harness.output.Escape} and
 * {@link io.initbench.harness.output.Xml}.
 *
 * <p>Why a package of its own: these are used by the comparison, the audit and the benchmark as much as by a
 * run's reports, so they do not belong to {@link io.initbench.harness.report}, which is the views of one run.
 * Keeping them here lets {@code compare}, {@code audit} and {@code bench} write their outputs without
 * depending on the report package. It depends only on {@link io.initbench.harness.result} (atomic writes)
 * and {@link io.initbench.harness.spec} (a suite's rates as text).
 */
package io.initbench.harness.output;
