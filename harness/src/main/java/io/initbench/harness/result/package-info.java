/**
 * What a run produces, as data: one {@link io.initbench.harness.result.CellRecord} per cell (its
 * parameters, status, metrics, learning curve and {@link io.initbench.harness.result.Provenance}),
 * kept in a {@link io.initbench.harness.result.RunStore} directory:
 * {@code results/<suite>/<run-id>/} with {@code suite.json} (the resolved spec), {@code metadata.json}
 * (run provenance) and {@code cells.jsonl} (appended and fsync'd as each cell ends, so a crash loses
 * at most the cells in flight; a line torn by a kill is detected on reading and its cell re-run on
 * resume; read as well from {@code cells.jsonl.gz}, the form large published runs are kept in). Reports are computed from these files alone. Records of older formats are upgraded to the
 * current layout as they are read ({@link io.initbench.harness.result.RecordMigration}). {@link io.initbench.harness.result.RunDirectories}
 * is what commands do with run directories as a whole: lock one for writing, resume one, collect the shard
 * directories of a merge, find the baseline of a comparison. {@link io.initbench.harness.result.RunResults}
 * is a run as its reports read it (built by {@code report}, {@code merge} and a finished run): spec,
 * provenance and records in grid order.
 */
package io.initbench.harness.result;
