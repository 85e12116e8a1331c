/**
 * The throughput benchmark behind {@code -Dcommand=bench}: on the same cells it measures (a) a naive
 * DL4J loop as a user would write it (ND4J's default threads, cells one after another,
 * {@code net.fit(iterator)}, evaluation once per epoch), (b) the harness (one cell per core, one
 * native thread each, its evaluation schedule and diagnostics included), and (c) this machine's sgemm
 * roofline, and reports samples/s, the ratio b/a, and b's achieved training FLOP/s as a fraction of
 * the roofline. {@link io.initbench.harness.bench.BenchReport} holds the writers of {@code bench.md} and
 * {@code bench.json}.
 */
package io.initbench.harness.bench;
