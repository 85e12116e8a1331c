package io.initbench.harness.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/** How the CLI tests build a {@link Cli} and run directories to damage. */
final class TestRuns {
    static final String MIRROR = System.getProperty("initbench.testMirror", "../../shared/datasets");

    private static Path smokeRun;

    private TestRuns() {
    }

    /** A Cli on the offline mirror with its dataset cache in {@code workDir}/cache; {@code props} win. */
    static Cli cli(Path workDir, Map<String, String> props, OutputStream stdout) {
        Map<String, String> all = new HashMap<>(Map.of("datasets.mirror", MIRROR,
                "datasets.dir", workDir.resolve("cache").toString()));
        all.putAll(props);
        return new Cli(all, Map.of(), workDir, new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    /** The same, printing nowhere. */
    static Cli cli(Path workDir, Map<String, String> props) {
        return cli(workDir, props, new ByteArrayOutputStream());
    }

    /** Runs {@code cli}'s suite (the run command) and returns what it recorded. */
    static RunOutcome runSuite(Cli cli) throws InterruptedException {
        return new RunCommand().runSuite(cli.context());
    }

    /** Runs {@code cli}'s merge command and returns the merged run. */
    static RunOutcome merge(Cli cli) throws InterruptedException {
        return new MergeCommand().merge(cli.context());
    }

    /** Runs {@code cli}'s audit command and returns its exit code. */
    static int audit(Cli cli) {
        return new AuditCommand().execute(cli.context());
    }

    /** Copies the regular files of one run directory into another (created if needed). */
    static Path copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    /** A copy of one tiny real smoke run (4 cells, ~2 s), made once per test JVM, for tests that damage it. */
    static synchronized Path copyOfSmokeRun(Path to) throws Exception {
        if (smokeRun == null) {
            Path base = Files.createTempDirectory("initbench-fixture");
            smokeRun = base.resolve("run");
            runSuite(cli(base, Map.of("suite", "smoke", "weightInit", "XAVIER,RELU", "train.size", "500", "test.size", "200",
                    "epochs", "1", "out", smokeRun.toString())));
        }
        return copyFiles(smokeRun, to);
    }
}
