/**
 * JMH microbenchmarks, run on demand (never by the tests; command in docs/manual/benchmarks.md): what each
 * initializer costs on large layers, what one training iteration costs per architecture, and how much
 * the harness adds to an iteration over a bare {@code fit}. Every benchmark returns its result (JMH
 * consumes it) and runs in forked JVMs with one native thread, as the harness's workers do.
 */
package io.initbench.benchmarks;
