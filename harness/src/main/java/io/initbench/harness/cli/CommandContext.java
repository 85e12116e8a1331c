package io.initbench.harness.cli;

import io.initbench.datasets.DatasetSettings;
import io.initbench.harness.output.OutputWriter;
import io.initbench.harness.output.Outputs;
import io.initbench.harness.spec.SuiteLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The explicit inputs of a command (options as properties, environment, working directory, standard
 * output, and the arguments after the command's name), so that tests run commands without touching
 * {@code System}. Commands read options only through {@link #get} and {@link #find} (typed, declared in
 * {@link Options}) and the suite overrides through {@link #suiteOverrides}; a test fails on a read by key.
 */
record CommandContext(Map<String, String> props, Map<String, String> env, Path workDir, PrintStream out,
                      List<String> arguments) {
    CommandContext {
        arguments = List.copyOf(arguments);
    }

    /** The value of {@code option}, else its default (the option must have one). */
    <T> T get(Option<T> option) {
        return option.get(props);
    }

    /** The value of {@code option}; empty when it is not given (or blank). */
    <T> Optional<T> find(Option<T> option) {
        return option.find(props);
    }

    /**
     * The suite settings among the options ({@code -Depochs}, {@code -DweightInit}, {@code -Dtuning.epochs}...),
     * as the text the user gave: the suite loader reads them into the suite tree, which it validates whole.
     */
    Map<String, String> suiteOverrides() {
        Map<String, String> overrides = new TreeMap<>();
        props.forEach((k, v) -> {
            if (SuiteLoader.OVERRIDES.containsKey(k)) {
                overrides.put(k, v);
            }
        });
        return overrides;
    }

    /** Where datasets are cached and fetched from ({@code -Ddatasets.*}, else the environment's mirror). */
    DatasetSettings datasets() {
        return DatasetSettings.from(props, env);
    }

    /** {@code -Dout} if given, else {@code results/<kind>/<run id>} under the working directory. */
    Path outputDir(String kind, String runId) {
        return find(Options.OUT).map(workDir::resolve).orElseGet(() -> workDir.resolve("results").resolve(kind)
                .resolve(runId));
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

    /** The existing run directory that {@code option} names. */
    Path runDir(Option<Path> option) {
        Path given = find(option).orElseThrow(() -> new IllegalArgumentException("pass -D" + option.name()
                + "=<run directory> (a directory with cells.jsonl, suite.json and metadata.json, e.g."
                + " results/<suite>/<run-id>)"));
        Path d = workDir.resolve(given);
        if (!Files.isDirectory(d)) {
            throw new IllegalArgumentException("-D" + option.name() + "=" + given + ": no such directory "
                    + d.toAbsolutePath());
        }
        return d;
    }
}
