package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar that {@code mvn package} builds runs on its own, from any directory: run by the
 * {@code runnable-jar-check} execution (integration-test phase, after the jar is shaded).
 */
class RunnableJarIT {
    private static final Path JAR = Path.of("target", "initbench.jar").toAbsolutePath();

    @TempDir
    Path elsewhere;

    private record Result(int exit, String output) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(elsewhere.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java -jar did not finish");
        return new Result(p.exitValue(), out);
    }

    @Test
    void helpListsEveryOptionFromAnyDirectory() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " was not built");
        Result help = java("help");
        assertEquals(0, help.exit(), help.output());
        for (OptionSpec o : OptionRegistry.ALL) {
            assertTrue(help.output().contains("-D" + o.name() + "  "), o.name() + " not in: " + help.output());
        }
        Result list = java("list");
        assertEquals(0, list.exit(), list.output());
        assertTrue(list.output().contains("relu-vs-tanh") && list.output().contains("XAVIER"), list.output());
    }

    @Test
    void misspeltFlagOrPropertyFailsWithTheRightName() throws Exception {
        Result flag = java("run", "--suite", "smoke", "--epoch", "3");
        assertEquals(Cli.EXIT_BAD_INPUT, flag.exit(), flag.output());
        assertTrue(flag.output().contains("did you mean --epochs?"), flag.output());
        Result prop = java("run", "--suite", "smoke", "-DlearningRat=0.01");
        assertEquals(Cli.EXIT_BAD_INPUT, prop.exit(), prop.output());
        assertTrue(prop.output().contains("did you mean -DlearningRate?"), prop.output());
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "a rejected run wrote into the working directory");
        }
    }
}
