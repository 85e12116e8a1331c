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
        Path classes = CheckoutLauncher.classesDir();
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

    @Test
    void itsSourceCompilesAloneAgainstTheJdk() throws Exception {
        // mvn exec:java on a fresh clone runs the source file through the JDK's source launcher, with no
        // class path: a reference to any other initbench class would break it
        Path source = Path.of("src", "main", "java", "io", "initbench", "harness", "cli", "CheckoutLauncher.java");
        assertTrue(Files.isRegularFile(source), source.toAbsolutePath().toString());
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = javac.run(null, out, out, "-proc:none", "-classpath", "", "-d", dir.toString(), source.toString());
        assertEquals(0, rc, out.toString(StandardCharsets.UTF_8));
        assertEquals(Cli.EXIT_OK, CheckoutLauncher.EXIT_OK);
        assertEquals(Cli.EXIT_BAD_INPUT, CheckoutLauncher.EXIT_BAD_INPUT);
        assertEquals(Cli.EXIT_IO, CheckoutLauncher.EXIT_IO);
        assertEquals(Main.class.getName(), CheckoutLauncher.MAIN);
    }

    @Test
    void anUnbuiltCheckoutIsBuiltOrToldHowToBuild() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("harness/target/classes"));
        assertTrue(!CheckoutLauncher.built(classes), "an empty classes directory is no build");
        Files.writeString(classes.resolveSibling(CheckoutLauncher.CLASSPATH_FILE), "");
        assertTrue(!CheckoutLauncher.built(classes), "a class path file without the CLI's classes is no build");
        assertTrue(CheckoutLauncher.built(CheckoutLauncher.classesDir()), "the build these tests run on");
        String home = System.getProperty("maven.home");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            // without a Maven to build with, it says what to run instead of failing on a missing class
            System.clearProperty("maven.home");
            assertEquals(Cli.EXIT_BAD_INPUT, CheckoutLauncher.build(classes,
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
        } finally {
            if (home != null) {
                System.setProperty("maven.home", home);
            }
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mvn -B verify"), err.toString(StandardCharsets.UTF_8));
    }
}
