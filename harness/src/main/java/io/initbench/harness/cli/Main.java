package io.initbench.harness.cli;

import io.initbench.harness.train.NativeThreads;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code mvn exec:java -Dsuite=relu-vs-tanh} (options as system properties) and of
 * {@code java -jar initbench.jar run --suite relu-vs-tanh} (GNU-style flags, see {@link Flags}; system
 * properties work there too, and a flag wins over the property of the same name).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        NativeThreads.tuneJavaCpp();
        Map<String, String> props = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> props.put(k, System.getProperty(k)));
        Flags.Parsed flags;
        try {
            flags = Flags.parse(args);
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(Main.class).error(Flags.inFlagSyntax(e.getMessage()));
            System.exit(Cli.EXIT_BAD_INPUT);
            return;
        }
        props.putAll(flags.options());
        int code;
        try {
            code = new Cli(props, System.getenv(), Path.of("").toAbsolutePath(), System.out)
                    .flagSyntax(Flags.usesFlags(args))
                    .run(flags.arguments().toArray(String[]::new));
        } catch (Throwable e) {
            // the JVM's own exit code for an uncaught error is 1, compare's "regression": never that
            LoggerFactory.getLogger(Main.class).error("internal error (please report it with this trace): {}",
                    e.toString(), e);
            code = Cli.EXIT_INTERNAL;
        }
        if (code != 0) {
            System.exit(code);
        }
    }
}
