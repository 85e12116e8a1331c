/**
 * initbench's harness, one concern per package, in pipeline order:
 * {@link io.initbench.harness.spec} (suite files → grid of cell specs) →
 * {@link io.initbench.harness.model} (cell spec → DL4J configuration and initializers) →
 * {@link io.initbench.harness.train} (training a cell, scheduling cells on workers) →
 * {@link io.initbench.harness.result} (result records, provenance, the run directory) →
 * {@link io.initbench.harness.stats} (statistics over seeds, the tuned rate) →
 * {@link io.initbench.harness.report} (matrix.csv, matrix.md, report.html), written through
 * {@link io.initbench.harness.output} (the output path of every command) →
 * {@link io.initbench.harness.api} (a run as a library call: request in, records out) →
 * {@link io.initbench.harness.cli} (the thin command line).
 */
package io.initbench.harness;
