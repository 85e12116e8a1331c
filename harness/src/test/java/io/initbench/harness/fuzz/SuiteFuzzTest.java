package io.initbench.harness.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteException;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target for the suite-file parser and the grid it expands to: a suite file is either a valid suite
 * or a {@link SuiteException}; anything else escaping (a Jackson or SnakeYAML exception, a
 * NullPointerException, an ArithmeticException in the grid size), a hang or an OutOfMemoryError is a
 * finding. Seeds: built-in suites and an initializer-heavy file (SuiteFuzzTestInputs).
 */
class SuiteFuzzTest {
    private final SuiteLoader loader = new SuiteLoader();

    @FuzzTest(maxDuration = "20s")
    void suite(byte[] content) {
        SuiteSpec s;
        try {
            s = loader.parse(content, "fuzz", "fuzz", Map.of());
        } catch (SuiteException expected) {
            return;
        }
        List<CellSpec> cells;
        try {
            cells = Grid.cells(s);
        } catch (SuiteException expected) {
            return; // more than Grid.MAX_CELLS
        }
        if (cells.isEmpty()) {
            throw new AssertionError("a valid suite expanded to no cells: " + s);
        }
        for (CellSpec c : cells) {
            if (c.id().length() != 12) {
                throw new AssertionError("bad cell id " + c.id());
            }
        }
    }
}
