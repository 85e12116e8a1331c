package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input stops with exit code 2 and one message that says what is wrong, where, and how
 * to fix it — before any training. The messages are collected into target/bad-inputs.md for review.
 */
class BadInputTest {
    @TempDir
    static Path tmp;
    private static final List<String> seen = new ArrayList<>();

    private static Cli cli(Map<String, String> props) {
        return TestRuns.cli(tmp, props);
    }

    /** Asserts the failure is reported as bad input (exit 2) with a message containing every fragment. */
    private static void bad(String what, Map<String, String> props, String... fragments) {
        Map<String, String> p = new HashMap<>(props);
        String command = p.getOrDefault("command", "run");
        RuntimeException e = assertThrows(RuntimeException.class, () -> cli(p).execute(command), what);
        String msg = e.getMessage();
        for (String f : fragments) {
            assertTrue(msg.contains(f), what + ": '" + f + "' not in: " + msg);
        }
        assertEquals(Cli.EXIT_BAD_INPUT, cli(p).run(new String[0]), what + " exit code");
        seen.add("| " + what + " | `" + msg.lines().findFirst().orElse("").replace("|", "\\|") + "` |");
    }

    private static Map<String, String> suiteFile(String name, String yaml) throws Exception {
        Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, yaml);
        return Map.of("suite", f.toString());
    }

    @Test
    void commandLine() throws Exception {
        bad("unknown -Dsuite", Map.of("suite", "relu-vs-sigmoid"), "unknown suite 'relu-vs-sigmoid'", "smoke");
        bad("no -Dsuite", Map.of(), "no suite given", "-Dsuite=");
        bad("malformed -Dshard", Map.of("suite", "smoke", "shard", "1of2"), "-Dshard=1of2 is not valid", "i/n");
        bad("-Dshard index out of range", Map.of("suite", "smoke", "shard", "2/2"), "0 <= i < n");
        bad("-Dworkers=0", Map.of("suite", "smoke", "workers", "0"), "-Dworkers=0 is not valid", "1 or more");
        bad("-Dworkers not a number", Map.of("suite", "smoke", "workers", "two"), "-Dworkers=two is not a whole number");
        bad("unknown -Dreport.colorScale", Map.of("suite", "smoke", "report.colorScale", "linear"),
                "-Dreport.colorScale=linear is not a colour scale", "[error, fixed, run]");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        bad("unwritable -Dout", Map.of("suite", "smoke", "out", file.resolve("run").toString(),
                "train.size", "100", "test.size", "50"), "cannot write results to", "-Dout=");
        bad("unknown command", Map.of("command", "plot"), "unknown command 'plot'", "compare");
    }

    @Test
    void suiteFiles() throws Exception {
        bad("YAML syntax error", suiteFile("syntax", "name: s\naxes:\n  activation: [RELU\n"), "syntax error at line");
        bad("unknown key", suiteFile("key", "axes:\n  activations: [RELU]\n"), "unknown key 'activations'",
                "activation");
        bad("unknown initializer", suiteFile("init", "axes:\n  weightInit: [KAIMING]\n"), "unknown weightInit 'KAIMING'",
                "RELU_UNIFORM");
        bad("unknown activation", suiteFile("act", "axes:\n  activation: [swishy]\n"), "swishy", "TANH");
        bad("unknown dataset", suiteFile("ds", "axes:\n  dataset: [imagenet]\n"), "imagenet", "mnist, cifar10");
        bad("unknown architecture", suiteFile("arch", "axes:\n  architecture: [transformer]\n"),
                "unknown value 'transformer'; valid: MLP, CNN");
        bad("empty axis", suiteFile("empty", "axes:\n  seed: []\n"), "axes.seed is empty");
        bad("zero depth", suiteFile("depth", "axes:\n  depth: [0]\n"), "0 is not a valid depth");
        bad("negative width", suiteFile("width", "axes:\n  width: [-5]\n"), "-5");
        bad("learning rate not a number", suiteFile("lr", "training:\n  learningRate: fast\n"),
                "training.learningRate: 'fast' is not a number");
        bad("target accuracy > 1", suiteFile("target", "training:\n  targetAccuracy: 1.5\n"), "(0, 1]");
        bad("duplicate axis value", suiteFile("dup", "axes:\n  activation: [RELU, relu]\n"), "twice");
        bad("bad override", Map.of("suite", "smoke", "epochs", "-1"), "epochs");
    }

    @Test
    void datasets() {
        bad("missing mirror directory", Map.of("suite", "smoke", "datasets.mirror", tmp.resolve("nope").toString()),
                "nope");
        bad("CIFAR-10 replica without -Ddatasets.verify=warn", Map.of("suite", "smoke", "dataset", "cifar10",
                "architecture", "cnn", "depth", "1"), "datasets.verify=warn");
    }

    @Test
    void resultFiles() throws Exception {
        Path torn = tmp.resolve("results-bad");
        Files.createDirectories(torn);
        bad("-Drun is not a run directory", Map.of("command", "report", "run", torn.toString()), "no cells.jsonl");
        Path old = TestRuns.copyOfSmokeRun(tmp.resolve("old"));
        String lines = Files.readString(old.resolve(RunStore.CELLS));
        Files.writeString(old.resolve(RunStore.CELLS), lines.replaceFirst("\"formatVersion\":" + io.initbench.harness.result.CellRecord.FORMAT_VERSION,
                "\"formatVersion\":0"));
        bad("cells.jsonl from an unknown format version", Map.of("command", "report", "run", old.toString()),
                "line 1 has record format version 0", "re-run the suite into a new -Dout");
        // version 1 (before diagnostics existed) is still read: its records come back with no diagnostics
        Path v1 = TestRuns.copyOfSmokeRun(tmp.resolve("v1"));
        var tree = io.initbench.harness.result.LegacyRecords.cellV3(io.initbench.harness.result.ResultJson.mapper()
                .readTree(Files.readAllLines(v1.resolve(RunStore.CELLS)).get(0)));
        tree.put("formatVersion", 1);
        tree.remove("diagnostics");
        Files.writeString(v1.resolve(RunStore.CELLS), tree + "\n");
        var read = RunStore.readCells(v1);
        assertEquals(1, read.size());
        assertTrue(read.get(0).diagnostics().stepZero().isEmpty());
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "report", "run", v1.toString())).run(new String[0]));

        Path mid = TestRuns.copyOfSmokeRun(tmp.resolve("mid"));
        List<String> ls = new ArrayList<>(Files.readAllLines(mid.resolve(RunStore.CELLS)));
        ls.set(1, ls.get(1).substring(0, 40));
        Files.write(mid.resolve(RunStore.CELLS), ls);
        bad("corrupt line inside cells.jsonl", Map.of("command", "report", "run", mid.toString()),
                "line 2 is not valid JSON", "delete that line");
        Path dup = TestRuns.copyOfSmokeRun(tmp.resolve("dup"));
        List<String> ds = new ArrayList<>(Files.readAllLines(dup.resolve(RunStore.CELLS)));
        ds.add(ds.get(0));
        Files.write(dup.resolve(RunStore.CELLS), ds);
        bad("a cell recorded twice", Map.of("command", "report", "run", dup.toString()), "twice", "keep one");
        bad("compare without a baseline", Map.of("command", "compare", "run", TestRuns.copyOfSmokeRun(
                tmp.resolve("alone")).toString()), "no earlier run", "-Dbaseline=");
        Path otherLr = TestRuns.copyOfSmokeRun(tmp.resolve("other-lr"));
        var suite = (com.fasterxml.jackson.databind.node.ObjectNode) io.initbench.harness.result.ResultJson.mapper()
                .readTree(otherLr.resolve(RunStore.SUITE).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) suite.get("training")).put("learningRate", 0.05);
        ((com.fasterxml.jackson.databind.node.ObjectNode) suite.get("axes")).putArray("learningRate").add(0.05);
        Files.writeString(otherLr.resolve(RunStore.SUITE), suite.toPrettyString());
        bad("compare with a baseline of other settings", Map.of("command", "compare", "run", TestRuns.copyOfSmokeRun(
                tmp.resolve("tonight")).toString(), "baseline", otherLr.toString()), "other settings",
                "axes.learningRate: [0.1] here vs [0.05] in the baseline", "-Dcompare.intersect=true");
    }

    @AfterAll
    static void writeSeen() throws Exception {
        Path out = Path.of("target", "bad-inputs.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "| bad input | first line of the error |\n|---|---|\n" + String.join("\n", seen) + "\n");
    }
}
