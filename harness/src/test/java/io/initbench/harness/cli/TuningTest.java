package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.SuiteException;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.TuningSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learning-rate tuning: the choice follows the tuning cells' validation metric, and survives a kill. */
class TuningTest {
    private static final String SUITE = """
            name: tuned
            axes:
              depth: [1]
              width: [16]
              weightInit: [XAVIER, "NORMAL(0,0.01)"]
              activation: [TANH]
              seed: [1]
            training:
              batchSize: 50
              epochs: 1
              evalEvery: 5
              trainSize: 500
              testSize: 200
              validationSize: 200
            tuning:
              learningRates: [0.5, 0.05, 0.00001]
              seeds: [101, 102]
            """;

    @TempDir
    Path tmp;

    private Path suiteFile() throws Exception {
        Path f = tmp.resolve("tuned.yaml");
        Files.writeString(f, SUITE);
        return f;
    }

    private List<CellRecord> run(Path out, Map<String, String> extra) throws Exception {
        Map<String, String> props = new HashMap<>(Map.of("suite", suiteFile().toString(), "out", out.toString(),
                "workers", "1", "threads", "1"));
        props.putAll(extra);
        return TestRuns.runSuite(TestRuns.cli(tmp, props)).records();
    }

    /** The rate the tuning records say wins for one configuration, computed here from the raw records. */
    private static double best(List<CellRecord> tuning) {
        Map<Double, Double> mean = tuning.stream().collect(Collectors.groupingBy(r -> r.cell().learningRate(),
                Collectors.averagingDouble(r -> r.metrics().accuracy().finalValidation() == null ? 0
                : r.metrics().accuracy().finalValidation())));
        return mean.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void picksTheRateTheTuningCellsChooseAndResumesBetweenPhases() throws Exception {
        Path out = tmp.resolve("run");
        List<CellRecord> records = run(out, Map.of());
        List<CellRecord> tuning = records.stream().filter(r -> r.phase() == CellPhase.TUNING).toList();
        List<CellRecord> finals = records.stream().filter(r -> r.phase() == CellPhase.TUNED).toList();
        assertEquals(2 * 3 * 2, tuning.size(), "2 configurations × 3 rates × 2 tuning seeds");
        assertEquals(2, finals.size(), "one final seed per configuration");
        for (CellRecord f : finals) {
            assertEquals(1, f.cell().seed());
            List<CellRecord> mine = tuning.stream().filter(t -> t.cell().tuningId().equals(f.cell().tuningId()))
                    .toList();
            assertEquals(6, mine.size());
            assertEquals(best(mine), f.cell().learningRate(), f.cell().label());
        }
        // the tiny rate cannot learn in 10 steps: tuning must not choose it for XAVIER
        assertTrue(finals.stream().anyMatch(f -> f.cell().learningRate() > 0.001));
        String md = Files.readString(out.resolve("matrix.md"));
        assertTrue(md.contains("## Learning-rate tuning") && md.contains("12 tuning cells"), md);
        // the two initializers are ranked against each other at their own tuned rates: one family
        List<String> groups = Files.readAllLines(out.resolve("groups.csv"));
        int rank = List.of(groups.get(0).split(",")).indexOf("rank");
        String outsideQuotes = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";
        assertEquals(Set.of("1", "2"), groups.subList(1, groups.size()).stream()
                .map(l -> l.split(outsideQuotes)[rank])
                .collect(Collectors.toSet()), String.join("\n", groups));
        String csv = Files.readString(out.resolve("matrix.csv"));
        assertEquals(14, csv.lines().count() - 1, "matrix.csv holds tuning and final cells");
        assertTrue(csv.contains(",TUNING,") && csv.contains(",TUNED,"));

        // killed between the phases: the tuning cells are recorded, no final cell is
        Path resumed = TestRuns.copyFiles(out, tmp.resolve("resumed"));
        List<String> lines = Files.readAllLines(resumed.resolve(RunStore.CELLS), StandardCharsets.UTF_8);
        List<String> tuningLines = lines.stream().filter(l -> l.contains("\"phase\":\"TUNING\"")).toList();
        assertEquals(12, tuningLines.size());
        Files.write(resumed.resolve(RunStore.CELLS), tuningLines, StandardCharsets.UTF_8);
        List<CellRecord> again = run(resumed, Map.of());
        assertEquals(14, again.size());
        assertEquals(tuningLines, Files.readAllLines(resumed.resolve(RunStore.CELLS)).subList(0, 12),
                "the tuning cells are not trained again");
        assertEquals(finals.stream().map(CellRecord::withoutTimings).collect(Collectors.toSet()),
                again.stream().filter(r -> r.phase() == CellPhase.TUNED).map(CellRecord::withoutTimings)
                        .collect(Collectors.toSet()), "the resumed run chooses and trains the same final cells");

        // shards hold whole configurations and merge into the single run
        Path s0 = tmp.resolve("s0");
        Path s1 = tmp.resolve("s1");
        List<CellRecord> r0 = run(s0, Map.of("shard", "0/2"));
        List<CellRecord> r1 = run(s1, Map.of("shard", "1/2"));
        Set<String> c0 = r0.stream().map(r -> r.cell().tuningId()).collect(Collectors.toSet());
        assertTrue(r1.stream().noneMatch(r -> c0.contains(r.cell().tuningId())), "a configuration in two shards");
        Path merged = tmp.resolve("merged");
        TestRuns.merge(TestRuns.cli(tmp, Map.of("inputs", s0 + "," + s1, "out", merged.toString())));
        assertEquals(records.stream().map(CellRecord::withoutTimings).collect(Collectors.toSet()),
                RunStore.readCells(merged).stream().map(CellRecord::withoutTimings).collect(Collectors.toSet()));

        // compare sees the two tuned configurations, not the tuning cells
        assertEquals(Cli.EXIT_OK, TestRuns.cli(tmp, Map.of("command", "compare", "run", merged.toString(),
                "baseline", out.toString())).run(new String[0]));
        String junit = Files.readString(merged.resolve("compare-junit.xml"));
        assertTrue(junit.contains("tests=\"2\"") && junit.contains("failures=\"0\""), junit);
    }

    @Test
    void aShorterSearchBudgetTrainsOnlyTheTuningCellsShort() throws Exception {
        Path out = tmp.resolve("halved");
        List<CellRecord> records = run(out, Map.of("tuning.epochs", "1", "tuning.trainSize", "200", "epochs", "2"));
        List<CellRecord> tuning = records.stream().filter(r -> r.phase() == CellPhase.TUNING).toList();
        List<CellRecord> finals = records.stream().filter(r -> r.phase() == CellPhase.TUNED).toList();
        assertEquals(12, tuning.size());
        assertEquals(2, finals.size());
        for (CellRecord t : tuning) {
            assertEquals(1, t.cell().training().epochs());
            assertEquals(200, t.cell().training().trainSize());
            assertEquals(200, t.metrics().timing().samples(), "a tuning cell trains on the tuning budget");
        }
        for (CellRecord f : finals) {
            assertEquals(2, f.cell().training().epochs());
            assertEquals(500, f.cell().training().trainSize());
            assertEquals(1000, f.metrics().timing().samples(), "a final cell trains on the suite's budget");
            List<CellRecord> mine = tuning.stream().filter(t -> t.cell().tuningId().equals(f.cell().tuningId()))
                    .toList();
            assertEquals(6, mine.size(), "the short tuning cells decide the final cell's rate");
            assertEquals(best(mine), f.cell().learningRate(), f.cell().label());
        }
        String md = Files.readString(out.resolve("matrix.md"));
        assertTrue(md.contains("a shorter search: 1 epoch of 200 images per tuning cell, the final cells 2 epochs"
                + " of 500 images"), md);
        SuiteException bad = assertThrows(SuiteException.class, () -> new TuningSpec(List.of(0.1), List.of(101L),
                TuningSpec.Metric.FINAL_VALIDATION, null, null, 0, null));
        assertTrue(bad.getMessage().contains("tuning.epochs 0"), bad.getMessage());
    }

    @Test
    void anOverrideFixesOneConfigurationsRateAndBudgetAndTheRestIsTuned() throws Exception {
        Path f = tmp.resolve("fixed.yaml");
        Files.writeString(f, SUITE + """
                overrides:
                  - when: {weightInit: ["NORMAL(0,0.01)"]}
                    learningRate: 0.05
                    training: {epochs: 2}
                    reason: a budget of its own
                """);
        Path out = tmp.resolve("fixed");
        Map<String, String> props = Map.of("suite", f.toString(), "out", out.toString(), "workers", "1",
                "threads", "1");
        List<CellRecord> records = TestRuns.runSuite(TestRuns.cli(tmp, props)).records();
        List<CellRecord> tuning = records.stream().filter(r -> r.phase() == CellPhase.TUNING).toList();
        assertEquals(3 * 2, tuning.size(), "XAVIER alone is tuned: 3 rates × 2 tuning seeds");
        assertTrue(tuning.stream().allMatch(r -> r.cell().weightInit().label().equals("XAVIER")));
        CellRecord fixed = records.stream().filter(r -> r.phase() == CellPhase.GRID).findFirst().orElseThrow();
        assertEquals("NORMAL(0,0.01)", fixed.cell().weightInit().label());
        assertEquals(0.05, fixed.cell().learningRate());
        assertEquals(1, fixed.cell().seed());
        assertEquals(1000, fixed.metrics().timing().samples(), "the override's 2 epochs of 500 images");
        CellRecord tuned = records.stream().filter(r -> r.phase() == CellPhase.TUNED).findFirst().orElseThrow();
        assertEquals(500, tuned.metrics().timing().samples(), "the suite's 1 epoch");
        assertEquals(best(tuning), tuned.cell().learningRate());
        assertEquals(8, records.size());
        String md = Files.readString(out.resolve("matrix.md"));
        assertTrue(md.contains("- override: weightInit NORMAL(0,0.01): lr 0.05 fixed by the suite (not tuned);"
                + " training epochs 2 — a budget of its own"), md);
        assertTrue(md.contains("Not tuned, not in this table: weightInit NORMAL(0,0.01) at lr 0.05"), md);
        assertTrue(Files.readString(out.resolve("report.html")).contains("<li>override: weightInit NORMAL(0,0.01)"));
        // a resumed run finds every cell done and trains none again
        List<CellRecord> again = TestRuns.runSuite(TestRuns.cli(tmp, props)).records();
        assertEquals(records.stream().map(CellRecord::withoutTimings).collect(Collectors.toSet()),
                again.stream().map(CellRecord::withoutTimings).collect(Collectors.toSet()));
        assertEquals(8, Files.readAllLines(out.resolve(RunStore.CELLS)).size());
    }

    @Test
    void tuningIsValidated() throws Exception {
        SuiteLoader loader = new SuiteLoader();
        String path = suiteFile().toString();
        assertTrue(assertThrows(SuiteException.class, () -> loader.load(path, Map.of("seeds", "101")))
                .getMessage().contains("tuning seed 101"));
        assertTrue(assertThrows(SuiteException.class, () -> loader.load(path, Map.of("validationSize", "0")))
                .getMessage().contains("validation"));
        assertTrue(assertThrows(SuiteException.class, () -> loader.load(path, Map.of("learningRate", "0.1,0.2")))
                .getMessage().contains("tuning.learningRates"));
        var s = loader.load(path, Map.of("tuning.metric", "best_validation", "tuning.learningRates", "0.1,0.2"));
        assertEquals(TuningSpec.Metric.BEST_VALIDATION, s.tuning().metric());
        assertEquals(List.of(0.1, 0.2), s.tuning().learningRates());
        assertEquals(null, loader.load(path, Map.of("tuning", "off")).tuning());
        var swept = loader.load("smoke", Map.of("learningRate", "0.1,0.03"));
        assertEquals(List.of(0.1, 0.03), swept.axes().learningRate());
    }
}
