package io.initbench.harness.cli;

import io.initbench.harness.report.ColorScale;
import java.io.PrintStream;
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
