package io.initbench.harness.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** One tiny real run of the smoke suite per test JVM (4 cells, ~2 s), copied for tests that damage it. */
final class NightlyFixture {
    private static Path run;

    private NightlyFixture() {
    }

    static synchronized Path copyOfSmokeRun(Path to) throws Exception {
        if (run == null) {
            Path base = Files.createTempDirectory("initbench-fixture");
            run = base.resolve("run");
            Map<String, String> props = Map.of("suite", "smoke", "weightInit", "XAVIER,RELU", "train.size", "500",
                    "test.size", "200", "epochs", "1", "out", run.toString(), "datasets.mirror",
                    SmokeEndToEndTest.MIRROR, "datasets.dir", base.resolve("cache").toString());
            new Cli(props, Map.of(), base, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .runSuite();
        }
        Files.createDirectories(to);
        try (var files = Files.list(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }
}
