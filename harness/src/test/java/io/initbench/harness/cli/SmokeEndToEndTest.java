package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in smoke suite against the real offline mirror, as {@code mvn exec:java -Dsuite=smoke} runs it. */
class SmokeEndToEndTest {
    @TempDir
    Path tmp;

    private Cli cli(Map<String, String> extra, ByteArrayOutputStream stdout) {
        Map<String, String> props = new HashMap<>(Map.of("workers", "2"));
        props.putAll(extra);
        return TestRuns.cli(tmp, props, stdout);
    }

    @Test
    void smokeWritesAllThreeResultFiles() throws Exception {
        Path out = tmp.resolve("run");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        RunOutcome outcome = TestRuns.runSuite(cli(Map.of("suite", "smoke", "out", out.toString()), stdout));
        List<CellRecord> records = outcome.records();
        assertEquals(8, records.size());
        // cells.jsonl is in completion order; as a set it must hold exactly the returned records
        List<CellRecord> onDisk = new java.util.ArrayList<>(RunStore.readCells(out));
        onDisk.sort(CellRecord.GRID_ORDER);
        assertTrue(records.equals(onDisk), "cells.jsonl differs from the returned records");
        for (CellRecord r : records) {
            String init = r.cell().weightInit().label();
            switch (init) {
                case "IDENTITY" -> assertEquals(Status.SKIPPED, r.status());
                case "ZERO" -> {
                    // a symmetric net predicts one class: its accuracy is that class's share of the stratified
                    // 500-image test subset, 44 to 57 images for MNIST's class frequencies (8.9 % to 11.4 %)
                    double correct = r.metrics().accuracy().finalTest() * 500;
                    assertEquals(Math.rint(correct), correct, 1e-9, "symmetric net predicts one class");
                    assertTrue(correct >= 44 && correct <= 57, "symmetric net predicts one class: " + correct);
                }
                default -> assertTrue(r.metrics().accuracy().finalTest() > 0.6, r.cell().label() + " " + r.metrics());
            }
            assertEquals(4, r.provenance().datasets().size());
            assertTrue(r.provenance().datasets().stream().allMatch(d -> d.official()));
            assertEquals(2, r.provenance().run().workers());
        }
        List<String> csv = Files.readAllLines(out.resolve("matrix.csv"));
        assertEquals(9, csv.size(), "header + one row per cell");
        assertTrue(csv.get(0).startsWith("cell_id,index,suite,dataset,"), csv.get(0));
        String md = Files.readString(out.resolve("matrix.md"));
        assertTrue(java.util.regex.Pattern.compile("\\| ZERO \\| 0\\.(08|09|10|11)\\d\\d \\| 0\\.(08|09|10|11)\\d\\d \\|")
                .matcher(md).find(), md);
        assertTrue(md.contains("| IDENTITY | 0/1 OK, 1 SKIPPED | 0/1 OK, 1 SKIPPED |"), md);
        assertTrue(Files.exists(out.resolve("suite.json")) && Files.exists(out.resolve("metadata.json")));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("# smoke — results matrix"));
    }

    /** CIFAR-10 through the whole stack: the replica archive, a CNN with BN, provenance marking it unofficial. */
    @Test
    void cifarCnnRunsOnTheReplicaOnlyWhenAllowed() throws Exception {
        Map<String, String> props = Map.of("suite", "smoke", "dataset", "cifar10", "architecture", "cnn", "depth", "1",
                "weightInit", "RELU", "activation", "RELU", "batchNorm", "true", "train.size", "200",
                "test.size", "100", "epochs", "1");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        assertEquals(Cli.EXIT_BAD_INPUT, cli(props, stdout).run(new String[0]), "the replica is refused by default");
        Map<String, String> warn = new HashMap<>(props);
        warn.put("datasets.verify", "warn");
        warn.put("out", tmp.resolve("cifar").toString());
        RunOutcome outcome = TestRuns.runSuite(cli(warn, stdout));
        CellRecord r = outcome.records().get(0);
        assertEquals(Status.OK, r.status(), r.reason() + "\n" + r.outcome().error());
        assertEquals(3 * 32 * 32, r.cell().dataset().knownShape().orElseThrow().featureSize());
        assertTrue(r.metrics().accuracy().finalTest() >= 0 && r.metrics().timing().iterations() == 4, r.metrics().toString());
        assertTrue(r.provenance().datasets().stream().noneMatch(d -> d.official()));
        assertEquals("c478fd1cb691ca24d3cecba5919f092bf1808f3850f77b6b32d451246449eba4",
                r.provenance().datasets().get(0).sha256());
        assertTrue(Files.readString(outcome.dir().resolve("matrix.md")).contains("**NOT OFFICIAL**"));
        assertTrue(Files.readString(outcome.dir().resolve("matrix.csv")).contains(",false,"), "official_data=false");
    }

    @Test
    void badInputExitsWithCode2AndWritesNothing() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("suite", "no-such-suite"), stdout).run(new String[0]));
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("suite", "smoke", "workers", "0"), stdout).run(new String[0]));
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("suite", "smoke", "datasets.mirror", tmp.resolve("none").toString()),
                stdout).run(new String[0]));
        assertEquals(Cli.EXIT_BAD_INPUT, cli(Map.of("suite", "smoke"), stdout).run(new String[] {"frobnicate"}));
        assertTrue(!Files.exists(tmp.resolve("results")), "no run directory for rejected input");
    }
}
