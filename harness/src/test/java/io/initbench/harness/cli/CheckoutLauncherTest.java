package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root's {@code mvn exec:java} entry point: the class path file the build writes, and its failures. */
class CheckoutLauncherTest {
    @TempDir
    Path dir;

    @Test
    void theBuildWritesTheClassPathBesideTheHarnessClasses() throws Exception {
        Path classes = CheckoutLauncher.ownClassesDir();
        // under surefire this class comes from harness/target/classes, where the build put the file
        Path file = classes.resolveSibling(CheckoutLauncher.CLASSPATH_FILE);
        assertTrue(Files.isRegularFile(file), file + " was not written by the build");
        List<URL> urls = CheckoutLauncher.classPath(classes);
        assertEquals(classes.toUri().toURL(), urls.get(0));
        assertTrue(urls.stream().anyMatch(u -> u.getPath().contains("datasets")), "no datasets module in " + urls);
        assertTrue(urls.stream().anyMatch(u -> u.getPath().contains("deeplearning4j-nn")), urls.toString());
    }

    @Test
    void anUnbuiltCheckoutIsToldToBuild() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CheckoutLauncher.classPath(classes));
        assertTrue(e.getMessage().contains("runtime-classpath.txt is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B verify"), e.getMessage());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Cli.EXIT_BAD_INPUT, CheckoutLauncher.launch(classes, new String[0],
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mvn -B verify"));
    }

    @Test
    void anEntryRemovedSinceTheBuildIsNamed() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        Path jar = Files.createFile(dir.resolve("a.jar"));
        Path gone = dir.resolve("cleaned/classes");
        Files.writeString(classes.resolveSibling(CheckoutLauncher.CLASSPATH_FILE),
                jar + File.pathSeparator + gone + "\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CheckoutLauncher.classPath(classes));
        assertTrue(e.getMessage().contains(gone.toString()) && e.getMessage().contains("no longer exists"),
                e.getMessage());
    }
}
