package io.initbench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteException;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.spec.TuningSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The tuning rules on made-up records: tie toward the middle, edges extend the grid, bounds stop it. */
class TuningChoiceTest {

    private static SuiteSpec suite(String extra) {
        String yaml = """
                axes:
                  weightInit: [XAVIER]
                  seed: [1]
                training:
                  validationSize: 100
                tuning:
                  learningRates: [0.3, 0.1, 0.03]
                  seeds: [101, 102]
                """ + extra;
        return new SuiteLoader().parse(yaml.getBytes(StandardCharsets.UTF_8), "test", "t", Map.of());
    }

    private static Tuning.Trial trial(double lr, double metric) {
        return new Tuning.Trial(lr, metric, 1, List.of(metric), 0, "");
    }

    private static Tuning.Choice choice(Double chosen, double... metricAt003_01_03) {
        return new Tuning.Choice("t", null, List.of(trial(0.03, metricAt003_01_03[0]), trial(0.1, metricAt003_01_03[1]),
                trial(0.3, metricAt003_01_03[2])), chosen, List.of(), false);
    }

    /** Runs the decide–record loop as the run command does, scoring a tuning cell by {@code score(rate)}. */
    private static List<CellRecord> simulate(SuiteSpec suite, ToDoubleFunction<Double> score, Set<Double> diverging) {
        List<CellSpec> grid = Grid.cells(suite);
        List<CellRecord> records = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<Integer> next = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            if (Tuning.initial(suite, grid.get(i))) {
                next.add(i);
            }
        }
        for (int round = 0; !next.isEmpty(); round++) {
            assertTrue(round < 20, "the loop must end");
            for (int i : next) {
                CellSpec c = grid.get(i);
                double lr = c.learningRate();
                boolean diverged = diverging.contains(lr);
                double v = score.applyAsDouble(lr);
                Metrics m = new Metrics(new Metrics.Accuracy(diverged ? null : v, diverged ? null : v, v, 0.1, 0.3),
                        new Metrics.Convergence(null, null, null, 0.5, diverged ? 3L : null),
                        new Metrics.Timing(10, 1280, 1, 1, 2, 1000.0), 1000);
                records.add(new CellRecord(CellRecord.FORMAT_VERSION,
                        new CellRecord.Identity(c.id(), i, "t", "run", c, suite.phaseOf(c)),
                        CellRecord.Outcome.of(diverged ? Status.DIVERGED : Status.OK, diverged ? "diverged" : null),
                        m, List.of(), null, CellRecord.Execution.NONE, null));
                done.add(c.id());
            }
            next = Tuning.decided(suite, records).stream().filter(i -> !done.contains(grid.get(i).id())).toList();
        }
        return records;
    }

    @Test
    void aRateAtEitherEndOfTheGridIsAnEdgeUnlessEveryRateScoredTheSame() {
        assertTrue(choice(0.3, 0.92, 0.95, 0.97).atEdge(), "largest rate best: the optimum may be above the grid");
        assertTrue(choice(0.03, 0.90, 0.80, 0.50).atEdge(), "smallest rate best: the optimum may be below it");
        assertFalse(choice(0.1, 0.92, 0.97, 0.95).atEdge(), "an interior optimum is bracketed");
        assertFalse(choice(0.1, 0.1124, 0.1124, 0.1124).atEdge(), "at chance everywhere: chosen by the tie rule");
        assertFalse(choice(null, 0.92, 0.95, 0.97).atEdge(), "not decided yet");
        assertFalse(new Tuning.Choice("t", null, List.of(trial(0.1, 0.9)), 0.1, List.of(), false).atEdge(),
                "a one-rate grid has no edge to move past");
    }

    @Test
    void tiesGoTowardTheMiddleNeverSilentlyToTheEdge() {
        // all at chance: the middle of three
        assertEquals(0.1, Tuning.best(List.of(trial(0.03, 0.1135), trial(0.1, 0.1135), trial(0.3, 0.1135)))
                .learningRate());
        // four rates all tied: the two middle ones are equally near, the smaller wins
        assertEquals(0.03, Tuning.best(List.of(trial(0.01, 0.1), trial(0.03, 0.1), trial(0.1, 0.1), trial(0.3, 0.1)))
                .learningRate());
        // a tie between the top edge and an interior rate: the interior one
        assertEquals(0.1, Tuning.best(List.of(trial(0.03, 0.5), trial(0.1, 0.9), trial(0.3, 0.9))).learningRate());
        // no tie: the best, wherever it is
        assertEquals(0.3, Tuning.best(List.of(trial(0.03, 0.5), trial(0.1, 0.8), trial(0.3, 0.9))).learningRate());

        SuiteSpec s = suite("");
        List<Tuning.Choice> c = Tuning.choices(s, simulate(s, lr -> 0.1135, Set.of()));
        assertEquals(0.1, c.get(0).chosen());
        assertTrue(c.get(0).tie());
        assertFalse(c.get(0).atEdge());
    }

    @Test
    void anEdgeChoiceExtendsTheGridUntilInterior() {
        SuiteSpec s = suite("  maxRate: 3.0\n  minRate: 0.001\n");
        assertEquals(List.of(0.3, 0.1, 0.03, 0.9, 2.7, 0.01, 0.003333, 0.001111), s.tuning().allRates());
        // the validation accuracy peaks at 0.9, beyond the listed grid's top
        List<CellRecord> records = simulate(s, lr -> 0.95 - 0.1 * Math.abs(Math.log10(lr / 0.9)), Set.of());
        Tuning.Choice c = Tuning.choices(s, records).get(0);
        assertEquals(0.9, c.chosen());
        assertFalse(c.atEdge(), "2.7 was tried too, so 0.9 is interior");
        assertEquals(List.of(0.03, 0.1, 0.3, 0.9, 2.7), c.trials().stream().map(Tuning.Trial::learningRate).toList());
        assertEquals(5 * 2, records.stream().filter(r -> r.phase() == CellPhase.TUNING).count(),
                "5 rates × 2 tuning seeds, nothing below the grid");
        assertTrue(records.stream().filter(r -> r.phase() == CellPhase.TUNED)
                .allMatch(r -> r.cell().learningRate() == 0.9), "the final seed at the chosen rate");
    }

    @Test
    void theBoundStopsTheExtensionAndTheChoiceStaysAnEdge() {
        SuiteSpec s = suite("  maxRate: 1.0\n");
        List<CellRecord> records = simulate(s, lr -> 0.5 + 0.1 * lr, Set.of());
        Tuning.Choice c = Tuning.choices(s, records).get(0);
        assertEquals(0.9, c.chosen(), "2.7 would pass maxRate 1.0");
        assertTrue(c.atEdge());
        // without bounds the grid does not extend
        SuiteSpec plain = suite("");
        assertEquals(List.of(0.3, 0.1, 0.03), plain.tuning().allRates());
        assertEquals(0.3, Tuning.choices(plain, simulate(plain, lr -> 0.5 + 0.1 * lr, Set.of())).get(0).chosen());
    }

    @Test
    void boundsAreValidated() {
        String low = assertThrows(SuiteException.class, () -> suite("  minRate: 0.05\n")).getMessage();
        assertTrue(low.contains("tuning.minRate 0.05 is not valid") && low.contains("at most 0.03"), low);
        String high = assertThrows(SuiteException.class, () -> suite("  maxRate: 0.2\n")).getMessage();
        assertTrue(high.contains("tuning.maxRate 0.2 is not valid") && high.contains("at least 0.3"), high);
        assertNull(new TuningSpec(List.of(0.1), List.of(1L), TuningSpec.Metric.FINAL_VALIDATION).next(0.1, true));
    }

    @Test
    void divergedTuningSeedsAreNamedNotShownAsZero() {
        SuiteSpec s = suite("");
        Tuning.Choice c = Tuning.choices(s, simulate(s, lr -> 0.9, Set.of(0.3))).get(0);
        Tuning.Trial top = c.trials().get(2);
        assertEquals(0.3, top.learningRate());
        assertEquals(2, top.failed());
        assertEquals("2 DIVERGED", top.failures());
        assertEquals(0, top.meanMetric(), "scored 0 for the choice");
        assertEquals(0.1, c.chosen(), "0.03 and 0.1 tie at 0.9: the one nearer the middle of the rates tried");
    }
}
