package io.initbench.harness.cli;

import io.initbench.harness.report.ColorScale;
import io.initbench.harness.report.OutputWriter;
import io.initbench.harness.report.Outputs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The explicit inputs of a command (options as properties, environment, working directory, standard
 * output, and the arguments after the command's name), so that tests run commands without touching
 * {@code System}.
 */
record CommandContext(Map<String, String> props, Map<String, String> env, Path workDir, PrintStream out,
                      List<String> arguments) {
    CommandContext {
        arguments = List.copyOf(arguments);
    }

    Options options() {
        return Options.from(props);
    }

    /** {@code -Dreport.colorScale}, read before any work so that a misspelt value costs nothing. */
    ColorScale colorScale() {
        return ColorScale.parse(props.get(ColorScale.OPTION));
    }

    /** {@code -Dout} if given, else {@code results/<kind>/<run id>} under the working directory. */
    Path outputDir(Options opts, String kind, String runId) {
        return opts.out() != null ? workDir.resolve(opts.out()) : workDir.resolve("results").resolve(kind).resolve(runId);
    }

    /**
     * Writes a command's named outputs into {@code dir} ({@link Outputs#write}) and returns their texts by
     * file name; a failure to write is bad input about {@code dir}, named as such.
     */
    <T> Map<String, String> write(Path dir, T value, Map<String, ? extends OutputWriter<? super T>> writers) {
        try {
            return Outputs.write(dir, value, writers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The existing run directory that {@code -D<key>} names. */
    Path runDir(String key) {
        String v = props.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("pass -D" + key + "=<run directory> (a directory with cells.jsonl,"
                    + " suite.json and metadata.json, e.g. results/<suite>/<run-id>)");
        }
        Path d = workDir.resolve(v);
        if (!Files.isDirectory(d)) {
            throw new IllegalArgumentException("-D" + key + "=" + v + ": no such directory " + d.toAbsolutePath());
        }
        return d;
    }
}
