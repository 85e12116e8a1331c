package io.initbench.harness.result;

import io.initbench.datasets.LoadedDataset;
import io.initbench.datasets.fetch.VerifiedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/** Gathers a run's provenance from the machine, the backend, git and the loaded datasets. */
public final class ProvenanceCollector {
    private ProvenanceCollector() {
    }

    /** @param layers the layer path(s) the run trains on ({@code fast}, {@code stock}, or both for a benchmark) */
    public static Provenance collect(String suite, String runId, Path repoDir, Collection<LoadedDataset> datasets,
                                     int workers, int threadsPerWorker, Instant startedAt, String layers) {
        Properties build = buildProperties();
        Map<String, String> info = backendInfo();
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        List<DatasetProvenance> files = new ArrayList<>();
        for (LoadedDataset d : datasets) {
            for (VerifiedFile f : d.files()) {
                files.add(new DatasetProvenance(d.dataset().key(), f.name(), f.sha256(), f.official(), f.source(), f.note()));
            }
        }
        String gpu = info.entrySet().stream().filter(e -> e.getKey().toLowerCase().contains("devicename"))
                .map(Map.Entry::getValue).reduce((a, b) -> a + ", " + b).orElse(null);
        Commit commit = commit(repoDir);
        Provenance.Software software = new Provenance.Software(build.getProperty("initbench.version", "unknown"),
                commit.id(), commit.dirty(), build.getProperty("dl4j.version", "unknown"), backend, info,
                nativeBuild(), layers, !Boolean.parseBoolean(System.getProperty(DL4J_HELPERS_DISABLE, "true")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        Provenance.Machine machine = new Provenance.Machine(cpuModel(), Runtime.getRuntime().availableProcessors(),
                gpu, System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"), hostname());
        return new Provenance(software, machine,
                new Provenance.Run(suite, runId, startedAt.toString(), workers, threadsPerWorker), files);
    }

    /** DL4J M2.1's switch for its oneDNN/cuDNN layer helpers; unset means disabled. */
    static final String DL4J_HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    /**
     * The platform directory JavaCPP loaded libnd4j from, e.g. {@code linux-x86_64-onednn-avx2}: with several
     * nd4j-native classifier jars on the class path, it is the one that names the build actually running.
     */
    static String nativeBuild() {
        for (Map.Entry<String, String> lib : Loader.getLoadedLibraries().entrySet()) {
            if (lib.getKey().startsWith("jnind4j") && lib.getValue() != null) {
                Path dir = Path.of(lib.getValue()).getParent();
                return dir == null ? lib.getValue() : dir.getFileName().toString();
            }
        }
        return null;
    }

    /** The commit of the code that runs; "unknown" when neither the build nor a checkout says. */
    public static String gitCommit(Path repoDir) {
        return commit(repoDir).id();
    }

    /**
     * A commit and whether the code differed from it (tracked files with uncommitted changes).
     *
     * @param id    40 hex digits, or "unknown"
     * @param dirty with an embedded commit: the build compiled uncommitted changes
     */
    public record Commit(String id, boolean dirty) {
    }

    /** Written at build time by git-commit-id-maven-plugin (harness/pom.xml). */
    public static final String GIT_PROPERTIES = "/initbench-git.properties";

    /**
     * The commit embedded at build time, which names the code that runs even outside a checkout (the
     * runnable jar in any directory); else that of the checkout in {@code repoDir}, asked of {@code git}.
     * Dirty means uncommitted changes to tracked files outside {@code results/}: run outputs are not
     * code, and regenerating a reference in place deletes its tracked files first.
     */
    public static Commit commit(Path repoDir) {
        Properties p = new Properties();
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream(GIT_PROPERTIES)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unreadable: the checkout is asked instead
        }
        return embedded(p).orElseGet(() -> {
            String id = git(repoDir, "rev-parse", "HEAD");
            return new Commit(id.isEmpty() ? "unknown" : id,
                    !git(repoDir, "status", "--porcelain", "--untracked-files=no", "--", ":/", ":(top,exclude)results")
                            .isEmpty());
        });
    }

    /** The commit a build's git properties name; empty when the build had no git (a source archive). */
    static java.util.Optional<Commit> embedded(Properties p) {
        String id = p.getProperty("git.commit.id.full", "").trim();
        if (!id.matches("[0-9a-f]{40}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Commit(id, Boolean.parseBoolean(p.getProperty("git.dirty", "false").trim())));
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream("/initbench-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // provenance then says "unknown", which is the truth
        }
        return p;
    }

    private static Map<String, String> backendInfo() {
        Map<String, String> out = new TreeMap<>();
        Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
        for (String k : p.stringPropertyNames()) {
            out.put(k, p.getProperty(k));
        }
        p.forEach((k, v) -> out.putIfAbsent(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return args[0].equals("rev-parse") ? "unknown" : "";
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return args[0].equals("rev-parse") ? "unknown" : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
