/**
 * initbench as a library: a {@link io.initbench.harness.api.RunRequest} says what to run (a suite, its
 * overrides, where to write, datasets, workers), {@link io.initbench.harness.api.Runner} trains it and
 * returns the records, the way the {@code run} command does (the command is a thin layer over it):
 * <pre>{@code
 * Runner.Outcome o = new Runner(RunRequest.of("smoke").seeds(1, 2).out(Path.of("results/mine")).build()).run();
 * }</pre>
 * Above {@code train}, {@code result} and {@code report}; below {@code cli}.
 */
package io.initbench.harness.api;
