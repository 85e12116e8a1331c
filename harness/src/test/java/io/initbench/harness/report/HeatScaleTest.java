package io.initbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The default heatmap scale tells trained networks apart, where the linear 0–1 one painted them alike. */
class HeatScaleTest {
    @Test
    void trainedCellsGetVisiblyDifferentColoursAndChanceStaysDark() {
        HeatScale s = HeatScale.ERROR_LOG;
        double a = s.position(0.94);
        double b = s.position(0.97);
        // on the linear scale 0.94 and 0.97 are 0.03 apart (one shade of yellow); here a factor 2 of error
        assertTrue(b - a > 0.14, a + " vs " + b);
        assertTrue(s.position(0.114) < 0.03, "chance level is dark");
        assertEquals(1, s.position(0.995), 1e-12);
        assertEquals(0, s.position(0), 1e-12);
        assertEquals(0.9, s.valueAt(0.5), 1e-12);
        assertEquals(0.97, s.valueAt(s.position(0.97)), 1e-12);
    }

    @Test
    void theDefaultColourScaleIsTheErrorScale() {
        assertEquals(ColorScale.ERROR, ColorScale.parse(null));
        assertEquals(ColorScale.FIXED, ColorScale.parse("fixed"));
    }
}
