package io.initbench.harness.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The commands of {@link Cli}, named by {@code args[0]} or {@code -Dcommand}. */
public enum Command {
    RUN("trains a suite's grid (default); the same -Dout again resumes; -Dshard=i/n runs a part"),
    REPORT("rewrites every report of a run directory (-Drun=) from its files alone"),
    COMPARE("compares a run (-Drun=) with a baseline of the same settings; exit 1 on a regression"),
    MERGE("combines shard directories (-Dinputs=a,b,...) into one run directory (-Dout=)"),
    AUDIT("checks that initializers (or a suite's built networks) have the statistics their names promise"),
    BENCH("measures training speed on stock and fast layers against the 1-thread matrix-product rate"),
    HELP("prints the commands and their options; -Dtopic=<command> (or help <command>) for one command"),
    LIST("lists the built-in suites, initializers, activations and datasets");

    private final String summary;

    Command(String summary) {
        this.summary = summary;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    /** The command a name gives; an unknown one is bad input that lists the commands. */
    public static Command parse(String name) {
        for (Command c : values()) {
            if (c.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown command '" + name + "'; available: "
                + Arrays.stream(values()).map(Command::key).collect(Collectors.joining(", "))
                + " (-Dcommand=help lists their options)");
    }
}
