/**
 * Training cells. {@link io.initbench.harness.train.CellTrainer} trains one network with its own
 * loop (so it can evaluate at chosen points and stop at the first non-finite iteration);
 * {@link io.initbench.harness.train.SuiteRunner} runs a grid's cells on N worker threads in one JVM,
 * sharing one in-memory copy of the data.
 *
 * <p>Why workers and not threads-per-op: on small MLP batches ND4J's OpenMP/BLAS parallelism costs more
 * than it gains (measured here: 784-256-256-10, batch 128, 4.2k samples/s with ND4J's default 2 threads,
 * 11.7k with 1 thread, 22.7k total with two 1-thread workers side by side). So each worker's native
 * ops run single-threaded ({@link io.initbench.harness.train.NativeThreads}) and cells run in parallel.
 * Cells are independent and seeded, so results do not depend on the number of workers.
 */
package io.initbench.harness.train;
