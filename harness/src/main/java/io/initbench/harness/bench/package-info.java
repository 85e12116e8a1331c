/**
 * The throughput benchmark behind {@code bench}: each {@link io.initbench.harness.bench.Workload} (the MNIST
 * MLP, with and without BatchNorm, the CIFAR-10 CNN likewise, and the 5×1000 Glorot MLP) trained on stock and
 * on fast layers, interleaved, on one worker, against the single-thread matrix-product rate measured in the
 * same process ({@link io.initbench.harness.bench.SgemmRate}): training-step samples/s, achieved GFLOP/s and
 * their fraction of that rate, the whole-run rate and evaluation's share.
 * {@link io.initbench.harness.bench.BenchReport} holds the writers of {@code bench.md} and {@code bench.json}.
 *
 * <p>Not to be confused with the {@code benchmarks/} module: that one holds JMH microbenchmarks
 * (initializers, a training step, the harness's overhead), compiled by the build and run by hand with
 * {@code benchmarks/run.sh}; this package is the {@code bench} command, which ships in the harness jar and
 * writes {@code bench.md} and {@code bench.json}. The package is named after its command, like {@code audit}
 * and {@code compare}.
 */
package io.initbench.harness.bench;
