package io.initbench.harness.cli;

import io.initbench.harness.train.NativeThreads;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Entry point: {@code mvn exec:java -Dsuite=relu-vs-tanh} from the repo root. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        NativeThreads.tuneJavaCpp();
        Map<String, String> props = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> props.put(k, System.getProperty(k)));
        int code = new Cli(props, System.getenv(), Path.of("").toAbsolutePath(), System.out).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
