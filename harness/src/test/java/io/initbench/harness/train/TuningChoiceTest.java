package io.initbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TuningChoiceTest {
    private static Tuning.Choice choice(Double chosen, double... metricAt03_01_003) {
        return new Tuning.Choice("t", null, List.of(new Tuning.Trial(0.3, metricAt03_01_003[0], 1),
                new Tuning.Trial(0.1, metricAt03_01_003[1], 1), new Tuning.Trial(0.03, metricAt03_01_003[2], 1)), chosen);
    }

    @Test
    void aRateAtEitherEndOfTheGridIsAnEdgeUnlessEveryRateScoredTheSame() {
        assertTrue(choice(0.3, 0.97, 0.95, 0.92).atEdge(), "largest rate best: the optimum may be above the grid");
        assertTrue(choice(0.03, 0.50, 0.80, 0.90).atEdge(), "smallest rate best: the optimum may be below it");
        assertFalse(choice(0.1, 0.95, 0.97, 0.92).atEdge(), "an interior optimum is bracketed");
        assertFalse(choice(0.3, 0.1124, 0.1124, 0.1124).atEdge(), "at chance everywhere: chosen by the tie rule");
        assertFalse(choice(null, 0.97, 0.95, 0.92).atEdge(), "not decided yet");
        assertFalse(new Tuning.Choice("t", null, List.of(new Tuning.Trial(0.1, 0.9, 1)), 0.1).atEdge(),
                "a one-rate grid has no edge to move past");
    }
}
