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
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code mvn exec:java} run from the repository root: starts {@link Main} on the class path
 * that the last build of the checkout wrote to {@code harness/target/runtime-classpath.txt}.
 *
 * <p>Why not let Maven run {@link Main} in the harness module: Maven 3 resolves the harness's sibling
 * {@code initbench-datasets} from the reactor only when a lifecycle phase ran in the same invocation, and a
 * bare {@code mvn exec:java} runs none, so it asked for {@code mvn install} first. The root project has no
 * module dependency to resolve; this class needs nothing but the JDK until it has built the class loader.
 *
 * <p>It always ends the JVM with the CLI's exit code: returning would let Maven go on to the modules and
 * fail resolving exactly that sibling.
 */
public final class CheckoutLauncher {
    static final String CLASSPATH_FILE = "runtime-classpath.txt";
    private static final String BUILD_HINT =
            "build the checkout first: mvn -B verify (or mvn -B package -DskipTests), then run mvn exec:java again";

    private CheckoutLauncher() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = launch(ownClassesDir(), args, System.err);
        } catch (IOException | URISyntaxException e) {
            System.err.println("error: cannot read the checkout's build output (" + e.getMessage() + "); "
                    + BUILD_HINT);
            code = Cli.EXIT_IO;
        }
        System.exit(code);
    }

    /** harness/target/classes, where this class was loaded from */
    static Path ownClassesDir() throws URISyntaxException {
        return Path.of(CheckoutLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
            return Cli.EXIT_BAD_INPUT;
        }
        URLClassLoader loader = new URLClassLoader("initbench", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // ND4J and Jackson look up their service providers through the context class loader
        thread.setContextClassLoader(loader);
        try {
            MethodHandle main = MethodHandles.publicLookup().findStatic(
                    loader.loadClass(Main.class.getName()), "main",
                    MethodType.methodType(void.class, String[].class));
            main.invokeExact(args);
            return Cli.EXIT_OK;
        } catch (ReflectiveOperationException e) {
            err.println("error: " + classes + " holds no usable " + Main.class.getName() + " (" + e + "); "
                    + BUILD_HINT);
            return Cli.EXIT_BAD_INPUT;
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
