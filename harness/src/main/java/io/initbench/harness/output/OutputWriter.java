package io.initbench.harness.output;

import java.io.IOException;

/**
 * Renders a value in one output format: every named output of every command (a run's reports, the
 * comparison, the audit, the benchmark) is one of these, written by {@link Outputs}.
 *
 * @param <T> what is rendered: a run's results, a comparison, an audit, a benchmark
 */
@FunctionalInterface
public interface OutputWriter<T> {
    void write(T value, Appendable out) throws IOException;
}
