package io.initbench.harness.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initbench.harness.report.ReportGoldenTest;
import io.initbench.harness.spec.CellPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grouped record against its flat line: what a line lacks or refuses is reported with the line. */
class CellRecordTest {
    private static final ObjectMapper JSON = ResultJson.mapper();

    @TempDir
    Path tmp;

    private static ObjectNode line() {
        return JSON.valueToTree(ReportGoldenTest.fixture().cells().get(0));
    }

    private IOException refused(ObjectNode line) throws IOException {
        Path dir = tmp.resolve("run" + System.nanoTime());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunStore.CELLS), line + "\n");
        return assertThrows(IOException.class, () -> RunStore.readCells(dir));
    }

    @Test
    void aLineWithoutAStatusNamesItsLineAndTheField() throws IOException {
        ObjectNode line = line();
        line.remove("status");
        IOException e = refused(line);
        assertTrue(e.getMessage().contains("line 1 is not a valid cell record") && e.getMessage().contains("status"),
                e.getMessage());
    }

    @Test
    void aLineWithoutACurveIsRefusedAsAnInvalidRecord() throws IOException {
        ObjectNode line = line();
        line.putNull("curve");
        IOException e = refused(line);
        assertTrue(e.getMessage().contains("line 1 is not a valid cell record"), e.getMessage());
    }

    @Test
    void aLineWithoutPhaseOrRuleReadsAsAGridCellWithoutARule() throws IOException {
        ObjectNode line = line();
        line.remove("phase");
        line.remove("divergenceRule");
        line.remove("diagnostics");
        CellRecord r = JSON.treeToValue(line, CellRecord.class);
        assertEquals(CellPhase.GRID, r.phase());
        assertNull(r.outcome().divergenceRule());
        assertEquals(Diagnostics.none(), r.diagnostics());
    }

    @Test
    void withoutTimingsKeepsWhatTwoRunsOfACellShare() {
        CellRecord r = ReportGoldenTest.fixture().cells().get(0);
        CellRecord t = r.withoutTimings();
        assertEquals(r.identity().cellId(), t.identity().cellId());
        assertEquals(r.identity().index(), t.identity().index());
        assertNull(t.identity().runId());
        assertEquals(CellRecord.Execution.NONE, t.execution());
        assertNull(t.provenance());
        assertEquals(r.outcome().status(), t.outcome().status());
        assertEquals(t, t.withoutTimings(), "a view without timings is its own view");
    }
}
