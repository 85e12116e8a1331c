package io.initbench.harness.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code mvn exec:java} run from the repository root: starts {@link Main} on the class path
 * that the last build of the checkout wrote to {@code harness/target/runtime-classpath.txt}, building the
 * checkout first ({@code mvn -B -q compile}) when it has never been built.
 *
 * <p>Why not let Maven run {@link Main} in the harness module: Maven 3 resolves the harness's sibling
 * {@code initbench-datasets} from the reactor only when a lifecycle phase ran in the same invocation, and a
 * bare {@code mvn exec:java} runs none, so it asked for {@code mvn install} first. The root project has no
 * module dependency to resolve. It does not run this class from {@code harness/target/classes} either,
 * which a fresh clone does not have: it runs this source file through the JDK's source launcher (the root
 * pom and {@code .mvn/jvm.config}), so this file must compile alone, against the JDK only — hence the
 * exit codes repeated from {@link Cli} and {@link Main} named as a string.
 *
 * <p>It always ends the JVM with the CLI's exit code: returning would let Maven go on to the modules and
 * fail resolving exactly that sibling.
 */
public final class CheckoutLauncher {
    static final String CLASSPATH_FILE = "runtime-classpath.txt";
    static final String MAIN = "io.initbench.harness.cli.Main";
    // Cli.EXIT_OK, EXIT_BAD_INPUT, EXIT_IO (a test holds them equal)
    static final int EXIT_OK = 0;
    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_IO = 74;
    private static final String BUILD_HINT =
            "build the checkout first: mvn -B verify (or mvn -B package -DskipTests), then run mvn exec:java again";

    private CheckoutLauncher() {
    }

    public static void main(String[] args) {
        int code;
        try {
            Path classes = classesDir();
            code = built(classes) ? EXIT_OK : build(classes, System.err);
            if (code == EXIT_OK) {
                code = launch(classes, args, System.err);
            }
        } catch (IOException | URISyntaxException e) {
            System.err.println("error: cannot read the checkout's build output (" + e.getMessage() + "); "
                    + BUILD_HINT);
            code = EXIT_IO;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = EXIT_IO;
        }
        System.exit(code);
    }

    /**
     * The checkout's harness/target/classes: where this class was loaded from when it was, else (run from
     * its source by {@code mvn exec:java}) under the project directory Maven runs in.
     */
    static Path classesDir() throws URISyntaxException {
        CodeSource source = CheckoutLauncher.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            Path own = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(own)) {
                return own;
            }
        }
        String root = System.getProperty("maven.multiModuleProjectDirectory", System.getProperty("user.dir"));
        return Path.of(root, "harness", "target", "classes");
    }

    /** Whether a build left the CLI and its class path file there. */
    static boolean built(Path classes) {
        return Files.isRegularFile(classes.resolveSibling(CLASSPATH_FILE))
                && Files.isRegularFile(classes.resolve(MAIN.replace('.', '/') + ".class"));
    }

    /**
     * Builds the checkout once with the Maven that runs this ({@code maven.home}): compile is enough, it
     * writes the classes and the class path file. Returns 0 when it did.
     */
    static int build(Path classes, PrintStream err) throws IOException, InterruptedException {
        String mavenHome = System.getProperty("maven.home");
        Path root = classes.getParent() == null || classes.getParent().getParent() == null ? null
                : classes.getParent().getParent().getParent();
        if (mavenHome == null || root == null) {
            err.println("error: " + classes + " holds no build of this checkout; " + BUILD_HINT);
            return EXIT_BAD_INPUT;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", windows ? "mvn.cmd" : "mvn")
                .toString(), "-B", "-q"));
        if (offline()) {
            command.add("-o");
        }
        command.add("compile");
        err.println("initbench: this checkout has not been built yet (no " + classes.resolveSibling(CLASSPATH_FILE)
                + "); building it once: " + String.join(" ", command.subList(1, command.size())) + " (a minute or"
                + " two, then the command runs)");
        int rc = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start().waitFor();
        if (rc != 0 || !built(classes)) {
            err.println("error: building the checkout failed (mvn exit code " + rc + "; its output is above); "
                    + BUILD_HINT);
            return EXIT_BAD_INPUT;
        }
        return EXIT_OK;
    }

    /** Whether Maven was started offline ({@code -o}): the build it starts must not go online either. */
    private static boolean offline() {
        for (String word : System.getProperty("sun.java.command", "").split(" ")) {
            if (word.equals("-o") || word.equals("--offline")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs Main on {@code classes} plus the class path listed beside it; returns the exit code (the CLI
     * itself exits on a non-zero code).
     */
    static int launch(Path classes, String[] args, PrintStream err) throws IOException {
        List<URL> urls;
        try {
            urls = classPath(classes);
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        URLClassLoader loader = new URLClassLoader("initbench", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // ND4J and Jackson look up their service providers through the context class loader
        thread.setContextClassLoader(loader);
        try {
            MethodHandle main = MethodHandles.publicLookup().findStatic(loader.loadClass(MAIN), "main",
                    MethodType.methodType(void.class, String[].class));
            main.invokeExact(args);
            return EXIT_OK;
        } catch (ReflectiveOperationException e) {
            err.println("error: " + classes + " holds no usable " + MAIN + " (" + e + "); " + BUILD_HINT);
            return EXIT_BAD_INPUT;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** the harness classes, then every entry of the class path file; each must still exist */
    static List<URL> classPath(Path classes) throws IOException {
        Path file = classes.resolveSibling(CLASSPATH_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing (it is written by the build); " + BUILD_HINT);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(toUrl(classes));
        String listed = Files.readString(file, StandardCharsets.UTF_8).strip();
        for (String entry : listed.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                throw new IllegalStateException(file + " lists " + path + ", which no longer exists (a clean "
                        + "since the last build?); " + BUILD_HINT);
            }
            urls.add(toUrl(path));
        }
        return urls;
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("not a class path entry: " + path, e);
        }
    }
}
