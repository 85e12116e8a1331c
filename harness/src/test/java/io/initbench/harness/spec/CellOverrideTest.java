package io.initbench.harness.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.output.Format;
import io.initbench.harness.stats.Tuning;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** Overrides: part of a grid trains on other settings, and a fixed rate takes its configurations out of tuning. */
class CellOverrideTest {
    private final SuiteLoader loader = new SuiteLoader();

    private SuiteSpec parse(String yaml) {
        return loader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test suite", "t", Map.of());
    }

    private String error(String yaml) {
        return assertThrows(SuiteException.class, () -> Grid.cells(parse(yaml))).getMessage();
    }

    private static final String TUNED = """
            axes: {depth: [2], width: [8], weightInit: [UNIFORM, XAVIER_UNIFORM], activation: [TANH, SIGMOID],
                   seed: [1, 2, 3]}
            training: {epochs: 2, validationSize: 100, trainSize: 500, rateSchedule: LINEAR}
            tuning: {learningRates: [0.3, 0.1], seeds: [101, 102], minRate: 0.01, maxRate: 1.0}
            """;

    @Test
    void aFixedRateTakesItsConfigurationsOutOfTuning() {
        SuiteSpec s = parse(TUNED + """
                overrides:
                  - when: {activation: [sigmoid]}
                    learningRate: 1.0
                    training: {epochs: 5, rateSchedule: CONSTANT}
                    reason: plateau
                """);
        List<CellSpec> grid = Grid.cells(s);
        List<CellSpec> sigmoid = grid.stream().filter(c -> c.activation() == Activation.SIGMOID).toList();
        // each final seed once per initializer, at the fixed rate and the override's budget; no tuning cell
        assertEquals(2 * 3, sigmoid.size());
        for (CellSpec c : sigmoid) {
            assertEquals(1.0, c.learningRate());
            assertEquals(5, c.training().epochs());
            assertEquals(RateSchedule.CONSTANT, c.training().rateSchedule());
            assertEquals(100, c.training().validationSize());
            assertEquals(CellPhase.GRID, s.phaseOf(c));
            assertTrue(Tuning.initial(s, c));
        }
        // the other activation is tuned as before, on the suite's settings
        List<CellSpec> tanh = grid.stream().filter(c -> c.activation() == Activation.TANH).toList();
        assertTrue(tanh.stream().allMatch(c -> c.training().epochs() == 2
                && c.training().rateSchedule() == RateSchedule.LINEAR));
        assertTrue(tanh.stream().anyMatch(c -> s.phaseOf(c) == CellPhase.TUNING));
        List<Tuning.Choice> choices = Tuning.choices(s, List.of());
        assertEquals(2, choices.size(), "only the tanh configurations are tuned");
        assertTrue(choices.stream().allMatch(c -> c.representative().activation() == Activation.TANH));
        // before any record: the fixed cells are decided, the tuned finals are not
        Set<Integer> decided = Set.copyOf(Tuning.decided(s, List.of()));
        for (int i = 0; i < grid.size(); i++) {
            CellSpec c = grid.get(i);
            if (c.activation() == Activation.SIGMOID) {
                assertTrue(decided.contains(i), c.label());
            } else if (s.phaseOf(c) == CellPhase.TUNED) {
                assertFalse(decided.contains(i), c.label());
            }
        }
        assertEquals(grid.size(), grid.stream().map(CellSpec::id).collect(Collectors.toSet()).size());
        assertTrue(Format.overrides(s).get(0).contains("lr 1 fixed by the suite (not tuned)"));
    }

    @Test
    void trainingOnlyOverridesChangeTheBudgetAndKeepTuning() {
        SuiteSpec s = parse(TUNED + """
                overrides:
                  - when: {activation: [SIGMOID], weightInit: [xavier_uniform]}
                    training: {epochs: 4}
                """);
        for (CellSpec c : Grid.cells(s)) {
            boolean matched = c.activation() == Activation.SIGMOID && c.weightInit().label().equals("XAVIER_UNIFORM");
            CellPhase phase = s.phaseOf(c);
            // without tuning.epochs the tuning cells train the budget their final cells do: the override's
            int expected = matched ? 4 : 2;
            assertEquals(expected, c.training().epochs(), c.label() + " " + phase);
            assertTrue(phase != CellPhase.GRID, "a training-only override leaves the rate to tuning");
        }
    }

    @Test
    void theGlorotSuiteTrainsItsSigmoidCellsAsTheSigmoidSuiteDoes() {
        SuiteSpec glorot = loader.load("glorot-2010", Map.of());
        SuiteSpec sigmoid = loader.load("glorot-2010-sigmoid", Map.of());
        Set<String> fixed = Grid.cells(glorot).stream().filter(c -> c.activation() == Activation.SIGMOID)
                .map(CellSpec::id).collect(Collectors.toSet());
        Set<String> theirs = Grid.cells(sigmoid).stream().map(CellSpec::id).collect(Collectors.toSet());
        // the same cell in two suites is the same experiment: same ids, so the same numbers
        assertEquals(theirs, fixed);
        assertEquals(10, fixed.size());
        assertTrue(Tuning.choices(glorot, List.of()).stream().noneMatch(c -> c.representative().activation()
                == Activation.SIGMOID));
    }

    @Test
    void aSuiteWithOverridesWritesAndReadsBackEqual() throws Exception {
        SuiteSpec s = parse(TUNED + """
                overrides:
                  - when: {weightInit: [uniform], activation: [SIGMOID]}
                    learningRate: 1.0
                    training: {epochs: 5, targetAccuracy: 0.5}
                """);
        String json = SpecJson.json().writeValueAsString(s);
        assertTrue(json.contains("\"weightInit\":[\"UNIFORM\"]"), json);
        assertEquals(s, SpecJson.json().readValue(json, SuiteSpec.class));
        assertFalse(s.settingsFingerprint().equals(parse(TUNED).settingsFingerprint()));
        assertTrue(s.settingsDifferences(parse(TUNED)).stream().anyMatch(d -> d.startsWith("overrides:")));
        // a suite without overrides writes none, so fingerprints from before overrides existed still hold
        assertFalse(SpecJson.json().writeValueAsString(parse(TUNED)).contains("overrides"));
    }

    @Test
    void badOverridesNameTheProblemAndTheFix() {
        assertTrue(error(TUNED + "overrides: [{when: {seed: [1]}, learningRate: 1.0}]")
                .contains("not an axis it can match"));
        assertTrue(error(TUNED + "overrides: [{when: {activation: [SIGMOD]}, learningRate: 1.0}]")
                .contains("unknown activation 'SIGMOD'"));
        assertTrue(error(TUNED + "overrides: [{when: {activation: [SIGMOID]}, training: {validationSize: 10}}]")
                .contains("cannot differ between cells"));
        assertTrue(error(TUNED + "overrides: [{when: {activation: [SIGMOID]}}]").contains("changes nothing"));
        assertTrue(error(TUNED + "overrides: [{when: {activation: [SIGMOID]}, training: {epochs: 0}}]")
                .contains("epochs must be positive"));
        assertTrue(error(TUNED + "overrides: [{when: {activation: [SIGMOID]}, learningRate: -1}]")
                .contains("not a valid rate"));
        assertTrue(error(TUNED + "overrides: [{when: {activation: [SIGMOID]}, training: {epoch: 3}}]")
                .contains("epoch"));
        assertTrue(error(TUNED + """
                overrides:
                  - {when: {activation: [SIGMOID]}, learningRate: 1.0}
                  - {when: {weightInit: [UNIFORM]}, training: {epochs: 3}}
                """).contains("matches two overrides"));
    }

    @Test
    void anOverrideWhoseValuesAreFilteredOutIsInert() {
        // -Dactivation=TANH on a suite that overrides sigmoid: nothing matches, nothing fails
        SuiteSpec s = loader.load("glorot-2010", Map.of("activation", "TANH"));
        assertTrue(Grid.cells(s).stream().allMatch(c -> s.overrideFor(c) == null));
        assertNull(s.overrideFor(Grid.cells(s).get(0)));
    }
}
