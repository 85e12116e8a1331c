package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a run writes (records, reports, run index, saved models), every named output of compare, audit
 * and bench, and every dataset cache file has the mode the umask gives a plain new file: 0644 under umask
 * 022, so a web server can serve a nightly box's reports; 0600 under umask 077, because the user asked for
 * private files. Each case runs in its own JVM started under that umask, as a shell would start it.
 */
class FileModesTest {
    @TempDir
    Path tmp;

    @Test
    void everyOutputAndCacheFileFollowsTheUmask() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes only");
        Path run = tmp.resolve("results/smoke/run");
        Path cache = tmp.resolve("cache");
        run(tmp.resolve("run.log"), "022", "-Dsuite=smoke", "-DweightInit=XAVIER,RELU", "-Dtrain.size=500",
                "-Dtest.size=200", "-Depochs=1", "-DsaveModels=true", "-Dworkers=2", "-Dout=" + run,
                "-Ddatasets.dir=" + cache);
        run(tmp.resolve("compare.log"), "022", "-Dcommand=compare", "-Drun=" + run, "-Dbaseline=" + run);
        run(tmp.resolve("report.log"), "022", "-Dcommand=report", "-Drun=" + run);
        Path audit = tmp.resolve("results/audit/a");
        run(tmp.resolve("audit.log"), "022", "-Dcommand=audit", "-DweightInit=XAVIER", "-Daudit.samples=20000",
                "-Dout=" + audit);
        Path bench = tmp.resolve("results/bench/b");
        run(tmp.resolve("bench.log"), "022", "-Dcommand=bench", "-Dbench.workloads=mlp", "-Dbench.samples=256",
                "-Dbench.repeats=1", "-Dbench.gemm=64", "-Dout=" + bench, "-Ddatasets.dir=" + cache);
        List<String> expected = List.of("cells.jsonl", "suite.json", "metadata.json", "matrix.csv", "matrix.md",
                "groups.csv", "comparisons.csv", "report.html", "compare.md", "compare-junit.xml", "models");
        for (String name : expected) {
            assertTrue(Files.exists(run.resolve(name)), name + " was not written");
        }
        assertTrue(Files.exists(tmp.resolve("results/smoke/index.html")));
        for (Path p : List.of(audit.resolve("audit.md"), audit.resolve("audit.json"), bench.resolve("bench.md"),
                bench.resolve("bench.json"))) {
            assertTrue(Files.exists(p), p + " was not written");
        }
        assertTrue(Files.exists(cache.resolve("mnist/train-images-idx3-ubyte.gz")));
        assertModes(tmp.resolve("results"), "rw-r--r--", "rwxr-xr-x");
        assertModes(cache, "rw-r--r--", "rwxr-xr-x");

        // a user who asked for private files gets them (the same files, rewritten under umask 077)
        Path cache2 = tmp.resolve("cache-private");
        run(tmp.resolve("private.log"), "077", "-Dsuite=smoke", "-DweightInit=XAVIER", "-Dseeds=1",
                "-Dtrain.size=200", "-Dtest.size=100", "-Depochs=1", "-Dworkers=1", "-Dout=" + tmp.resolve("private"),
                "-Ddatasets.dir=" + cache2);
        assertModes(tmp.resolve("private"), "rw-------", "rwx------");
        assertModes(cache2, "rw-------", "rwx------");
    }

    private static void run(Path log, String umask, String... props) throws Exception {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Ddatasets.mirror=" + new File(TestRuns.MIRROR).getAbsolutePath()));
        java.addAll(List.of(props));
        java.add(Main.class.getName());
        // `exec "$@"` keeps every argument intact; the umask is the only thing the shell adds
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        cmd.addAll(java);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + String.join(" ", props));
        assertEquals(0, p.exitValue(), Files.readString(log));
    }

    private static void assertModes(Path root, String fileMode, String dirMode) throws Exception {
        List<String> wrong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                boolean dir = Files.isDirectory(p);
                files += dir ? 0 : 1;
                if (!mode.equals(dir ? dirMode : fileMode)) {
                    wrong.add(root.relativize(p) + " " + mode);
                }
            }
        }
        assertTrue(files > 0, "no files under " + root);
        assertEquals(List.of(), wrong, "files under " + root + " with another mode than " + fileMode + "/" + dirMode);
    }
}
