package io.initbench.harness.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initbench.harness.report.ReportGoldenTest;
import io.initbench.harness.spec.CellSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records of formats 1 to 3 (metrics and provenance flat) read into the grouped types of format 4, records of
 * formats 1 to 4 (the learning rate among the training settings) read with the rate in the cell as format 5
 * has it, and format 5 round-trips. The old lines in {@code /records/} are copied from reference runs of
 * those formats.
 */
class RecordMigrationTest {
    private static final Path REFERENCE = Path.of("../results/reference");
    private static final ObjectMapper JSON = ResultJson.mapper();

    @TempDir
    Path tmp;

    /** Where every format-3 metrics field lands. */
    private static final Map<String, Function<Metrics, Object>> METRICS = new LinkedHashMap<>();
    /** Where every format-3 provenance field lands. */
    private static final Map<String, Function<Provenance, Object>> PROVENANCE = new LinkedHashMap<>();

    static {
        METRICS.put("finalAccuracy", m -> m.accuracy().finalTest());
        METRICS.put("finalValidationAccuracy", m -> m.accuracy().finalValidation());
        METRICS.put("bestAccuracy", m -> m.accuracy().best());
        METRICS.put("initialAccuracy", m -> m.accuracy().initial());
        METRICS.put("finalTrainLoss", m -> m.accuracy().finalTrainLoss());
        METRICS.put("iterationsToTarget", m -> m.convergence().iterationsToTarget());
        METRICS.put("samplesToTarget", m -> m.convergence().samplesToTarget());
        METRICS.put("secondsToTarget", m -> m.convergence().secondsToTarget());
        METRICS.put("auc", m -> m.convergence().auc());
        METRICS.put("divergedAtIteration", m -> m.convergence().divergedAtIteration());
        METRICS.put("iterations", m -> m.timing().iterations());
        METRICS.put("samples", m -> m.timing().samples());
        METRICS.put("trainSeconds", m -> m.timing().trainSeconds());
        METRICS.put("evalSeconds", m -> m.timing().evalSeconds());
        METRICS.put("wallSeconds", m -> m.timing().wallSeconds());
        METRICS.put("samplesPerSecond", m -> m.timing().samplesPerSecond());
        METRICS.put("parameterCount", Metrics::parameterCount);

        PROVENANCE.put("initbenchVersion", p -> p.software().initbenchVersion());
        PROVENANCE.put("gitCommit", p -> p.software().gitCommit());
        PROVENANCE.put("gitDirty", p -> p.software().gitDirty());
        PROVENANCE.put("dl4jVersion", p -> p.software().dl4jVersion());
        PROVENANCE.put("backend", p -> p.software().backend());
        PROVENANCE.put("nativeBuild", p -> p.software().nativeBuild());
        PROVENANCE.put("layers", p -> p.software().layers());
        PROVENANCE.put("dl4jHelpers", p -> p.software().dl4jHelpers());
        PROVENANCE.put("jvm", p -> p.software().jvm());
        PROVENANCE.put("cpuModel", p -> p.machine().cpuModel());
        PROVENANCE.put("logicalCores", p -> p.machine().logicalCores());
        PROVENANCE.put("gpu", p -> p.machine().gpu());
        PROVENANCE.put("os", p -> p.machine().os());
        PROVENANCE.put("hostname", p -> p.machine().hostname());
        PROVENANCE.put("suite", p -> p.run().suite());
        PROVENANCE.put("runId", p -> p.run().runId());
        PROVENANCE.put("startedAt", p -> p.run().startedAt());
        PROVENANCE.put("workers", p -> p.run().workers());
        PROVENANCE.put("threadsPerWorker", p -> p.run().threadsPerWorker());
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = RecordMigrationTest.class.getResourceAsStream("/records/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** Every old field of {@code flat} is found, with its value, where the table says it went. */
    private static <T> void landed(JsonNode flat, T grouped, Map<String, Function<T, Object>> where) {
        for (var e : where.entrySet()) {
            JsonNode old = flat.get(e.getKey());
            Object now = e.getValue().apply(grouped);
            String what = e.getKey() + " of " + flat;
            if (old == null || old.isNull()) {
                assertNull(now, what);
            } else if (old.isBoolean()) {
                assertEquals(old.booleanValue(), now, what);
            } else if (old.isTextual()) {
                assertEquals(old.textValue(), now, what);
            } else {
                assertNotNull(now, what);
                assertEquals(old.doubleValue(), ((Number) now).doubleValue(), 0, what);
            }
        }
    }

    @Test
    void aFormatThreeRecordReadsIntoTheGroups() throws IOException {
        JsonNode flat = resource("cell-v3.json");
        assertEquals(3, flat.get("formatVersion").asInt());
        CellRecord r = JSON.treeToValue(flat, CellRecord.class);
        landed(flat.get("metrics"), r.metrics(), METRICS);
        assertNotNull(r.metrics().accuracy().finalValidation(), "a format-3 cell with a validation split");
        landed(flat.get("provenance"), r.provenance(), PROVENANCE);
        assertEquals(JSON.convertValue(flat.at("/provenance/backendInfo"), Map.class),
                r.provenance().software().backendInfo());
        assertEquals(flat.at("/provenance/datasets").size(), r.provenance().datasets().size());
        assertEquals(flat.at("/provenance/datasets/0/sha256").asText(), r.provenance().datasets().get(0).sha256());
        assertEquals(CellRecord.FORMAT_VERSION, r.formatVersion(), "read as a current record");
        assertEquals(flat.get("cellId").asText(), r.cellId());
        assertEquals(flat.get("divergenceRule").asText(), r.outcome().divergenceRule());
    }

    @Test
    void aFormatFourRecordReadsWithItsRateInTheCell() throws IOException {
        JsonNode v4 = resource("cell-v4.json");
        assertEquals(4, v4.get("formatVersion").asInt());
        double rate = v4.at("/cell/training/learningRate").doubleValue();
        assertEquals(0.03, rate, "a line whose rate is not the default, so a lost rate cannot pass unseen");
        assertTrue(v4.at("/cell/learningRate").isMissingNode(), "format 4 keeps the rate in the training settings");
        CellRecord r = JSON.treeToValue(v4, CellRecord.class);
        assertEquals(rate, r.cell().learningRate());
        assertEquals(v4.get("cellId").asText(), r.cell().id(), "the id hashes the same rate as before");
        assertEquals(CellRecord.FORMAT_VERSION, r.formatVersion(), "read as a current record");

        // written back, the rate sits in the cell after biasInit and nowhere else; all else is as it was
        JsonNode written = JSON.readTree(JSON.writeValueAsString(r));
        assertEquals(5, written.get("formatVersion").asInt());
        assertEquals(List.of("dataset", "architecture", "depth", "width", "weightInit", "activation", "batchNorm",
                "biasInit", "learningRate", "seed", "training"), fieldNames(written.get("cell")));
        assertEquals(rate, written.at("/cell/learningRate").doubleValue());
        assertTrue(written.at("/cell/training/learningRate").isMissingNode(), written.at("/cell/training").toString());
        ObjectNode expected = v4.deepCopy();
        expected.put("formatVersion", 5);
        ObjectNode cell = (ObjectNode) expected.get("cell");
        cell.set("learningRate", ((ObjectNode) cell.get("training")).remove("learningRate"));
        assertEquals(expected, written);
        assertEquals(expected, RecordMigration.cell(v4), "the migration alone gives the format-5 tree");
        assertEquals(r, JSON.treeToValue(written, CellRecord.class));
    }

    @Test
    void formatsBeforeFourMoveTheRateToo() throws IOException {
        for (String name : List.of("cell-v2.json", "cell-v3.json")) {
            JsonNode old = resource(name);
            CellRecord r = JSON.treeToValue(old, CellRecord.class);
            assertEquals(old.at("/cell/training/learningRate").doubleValue(), r.cell().learningRate(), name);
            if (old.get("formatVersion").asInt() >= 3) {
                // format 2 predates the validation settings, which its ids therefore do not hash
                assertEquals(old.get("cellId").asText(), r.cell().id(), name);
            }
            JsonNode migrated = RecordMigration.cell(old);
            assertTrue(migrated.at("/cell/training/learningRate").isMissingNode(), name);
            assertEquals(old.at("/cell/training/learningRate"), migrated.at("/cell/learningRate"), name);
        }
    }

    @Test
    void aFormatFourLineWithoutItsRateIsRefused() throws IOException {
        // the migration moves what is there; a rate that is missing is not made up
        ObjectNode v4 = (ObjectNode) resource("cell-v4.json");
        ((ObjectNode) v4.at("/cell/training")).remove("learningRate");
        assertThrows(IOException.class, () -> JSON.treeToValue(v4, CellRecord.class));
    }

    @Test
    void aFormatThreeDivergedRecordKeepsItsDivergence() throws IOException {
        JsonNode flat = resource("cell-v3-diverged.json");
        CellRecord r = JSON.treeToValue(flat, CellRecord.class);
        assertEquals(Status.DIVERGED, r.status());
        assertNotNull(r.metrics().convergence().divergedAtIteration());
        landed(flat.get("metrics"), r.metrics(), METRICS);
    }

    @Test
    void formatOneAndTwoRecordsReadIntoTheGroups() throws IOException {
        JsonNode v2 = resource("cell-v2.json");
        assertEquals(2, v2.get("formatVersion").asInt());
        CellRecord r = JSON.treeToValue(v2, CellRecord.class);
        landed(v2.get("metrics"), r.metrics(), METRICS);
        landed(v2.get("provenance"), r.provenance(), PROVENANCE);
        assertNull(r.metrics().accuracy().finalValidation(), "format 2 had no validation split");
        assertEquals(v2.at("/metrics/finalAccuracy").doubleValue(), r.metrics().accuracy().finalTest());

        // format 1: the same, before diagnostics existed
        ObjectNode v1 = v2.deepCopy();
        v1.put("formatVersion", 1);
        v1.remove("diagnostics");
        CellRecord one = JSON.treeToValue(v1, CellRecord.class);
        assertEquals(r.metrics(), one.metrics());
        assertEquals(r.provenance(), one.provenance());
        assertTrue(one.diagnostics().stepZero().isEmpty());
    }

    @Test
    void aMinimalHandWrittenFormatOneLineReads() throws IOException {
        JsonNode ref = resource("cell-v2.json");
        String line = "{\"formatVersion\":1,\"cellId\":\"x\",\"index\":0,\"suite\":\"smoke\",\"runId\":\"r\","
                + "\"cell\":" + ref.get("cell") + ",\"status\":\"OK\",\"metrics\":{\"finalAccuracy\":0.5,"
                + "\"samplesToTarget\":640,\"iterations\":10,\"wallSeconds\":1.5,\"parameterCount\":7},\"curve\":[],"
                + "\"provenance\":{\"runId\":\"r\",\"gitCommit\":\"abc\",\"cpuModel\":\"cpu\",\"workers\":3,"
                + "\"datasets\":[]}}";
        CellRecord r = JSON.readValue(line, CellRecord.class);
        Metrics m = r.metrics();
        assertEquals(new Metrics.Accuracy(0.5, null, null, null, null), m.accuracy());
        assertEquals(new Metrics.Convergence(null, 640L, null, null, null), m.convergence());
        assertEquals(new Metrics.Timing(10, 0, 0, 0, 1.5, null), m.timing());
        assertEquals(7, m.parameterCount());
        assertEquals("abc", r.provenance().software().gitCommit());
        assertEquals("cpu", r.provenance().machine().cpuModel());
        assertEquals(new Provenance.Run(null, "r", null, 3, 0), r.provenance().run());
    }

    @Test
    void formatThreeMetadataReadsIntoTheGroups() throws IOException {
        JsonNode flat = resource("metadata-v3.json");
        assertTrue(flat.has("gitCommit") && !flat.has("software"), "format 3 metadata is flat");
        Path dir = Files.createDirectories(tmp.resolve("v3"));
        Files.writeString(dir.resolve(RunStore.METADATA), flat.toPrettyString());
        Provenance p = RunStore.readProvenance(dir);
        landed(flat, p, PROVENANCE);
        assertEquals(flat.get("datasets").size(), p.datasets().size());
    }

    /** Whatever format each checked-in reference run was written in, every line and its metadata read. */
    @Test
    void everyCheckedInReferenceRunReads() throws IOException {
        int runs = 0;
        for (Path dir : RunStore.runsIn(REFERENCE)) {
            // large references are stored compressed; their lines are read as the commands read them
            List<String> lines = new String(RunStore.readCellsBytes(dir), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().toList();
            List<CellRecord> records = RunStore.readCells(dir);
            assertEquals(lines.size(), records.size(), dir.toString());
            for (int i = 0; i < lines.size(); i++) {
                JsonNode raw = JSON.readTree(lines.get(i));
                String where = dir + " line " + (i + 1);
                CellSpec cell = records.get(i).cell();
                // the rate moved out of the training settings in format 5; the id, which hashes it, did not change
                int format = raw.get("formatVersion").asInt();
                JsonNode rate = raw.at(format < 5 ? "/cell/training/learningRate" : "/cell/learningRate");
                assertTrue(rate.isNumber(), where + ": the line names its rate");
                assertEquals(rate.doubleValue(), cell.learningRate(), where);
                assertEquals(raw.get("cellId").asText(), cell.id(), where);
                if (format == CellRecord.FORMAT_VERSION) {
                    assertEquals(raw, JSON.readTree(JSON.writeValueAsString(records.get(i))),
                            where + ": a current line writes back as it was read");
                } else if (format < 4) {
                    landed(raw.get("metrics"), records.get(i).metrics(), METRICS);
                    landed(raw.get("provenance"), records.get(i).provenance(), PROVENANCE);
                } else {
                    // a format-4 line writes back as it was read but for the rate's place and the version:
                    // the grouped record keeps the flat line
                    ObjectNode expected = raw.deepCopy();
                    expected.put("formatVersion", CellRecord.FORMAT_VERSION);
                    ObjectNode c = (ObjectNode) expected.get("cell");
                    c.set("learningRate", ((ObjectNode) c.get("training")).remove("learningRate"));
                    assertEquals(expected, JSON.readTree(JSON.writeValueAsString(records.get(i))), where);
                }
            }
            JsonNode metadata = JSON.readTree(dir.resolve(RunStore.METADATA).toFile());
            if (!metadata.has("software")) {
                landed(metadata, RunStore.readProvenance(dir), PROVENANCE);
            }
            runs++;
        }
        assertTrue(runs >= 5, "reference runs found: " + runs);
    }

    @Test
    void formatFiveRoundTripsGroupedAndEqualsItsFormatThreeAndFourForms() throws IOException {
        RunResults run = ReportGoldenTest.fixture();
        Path dir = tmp.resolve("run");
        try (RunStore store = RunStore.create(dir, run.suite(), run.provenance())) {
            run.allCells().forEach(store::append);
        }
        List<CellRecord> read = RunStore.readCells(dir);
        assertEquals(run.allCells(), read);
        assertEquals(run.provenance(), RunStore.readProvenance(dir));

        JsonNode line = JSON.readTree(Files.readAllLines(dir.resolve(RunStore.CELLS)).get(0));
        assertEquals(CellRecord.FORMAT_VERSION, line.get("formatVersion").asInt());
        // the record is grouped, the line flat: its identity, outcome and execution fields sit at the top
        assertEquals(List.of("formatVersion", "cellId", "index", "suite", "runId", "cell", "phase", "status", "reason",
                "error", "divergenceRule", "metrics", "curve", "diagnostics", "startedAt", "finishedAt", "worker",
                "provenance"), fieldNames(line));
        assertEquals(List.of("accuracy", "convergence", "timing", "parameterCount"), fieldNames(line.get("metrics")));
        assertEquals(List.of("software", "machine", "run", "datasets"), fieldNames(line.get("provenance")));
        assertEquals(List.of("software", "machine", "run", "datasets"),
                fieldNames(JSON.readTree(dir.resolve(RunStore.METADATA).toFile())));

        assertEquals(List.of("dataset", "architecture", "depth", "width", "weightInit", "activation", "batchNorm",
                "biasInit", "learningRate", "seed", "training"), fieldNames(line.get("cell")));
        assertTrue(line.at("/cell/training/learningRate").isMissingNode());

        // the same records written by formats 3 and 4 read back equal, nulls and all
        for (CellRecord r : run.allCells()) {
            ObjectNode v4 = LegacyRecords.cellV4(JSON.valueToTree(r));
            assertEquals(r.cell().learningRate(), v4.at("/cell/training/learningRate").doubleValue());
            assertEquals(r, JSON.treeToValue(v4, CellRecord.class), r.cell().label());
            ObjectNode v3 = LegacyRecords.cellV3(JSON.valueToTree(r));
            assertTrue(v3.get("metrics").has("finalAccuracy"));
            assertEquals(r, JSON.treeToValue(v3, CellRecord.class), r.cell().label());
        }
        assertEquals(run.provenance(),
                JSON.treeToValue(LegacyRecords.provenanceV3(JSON.valueToTree(run.provenance())), Provenance.class));
    }

    @Test
    void aRunDirectoryMayMixFormats() throws IOException {
        RunResults run = ReportGoldenTest.fixture();
        Path dir = tmp.resolve("mixed");
        try (RunStore store = RunStore.create(dir, run.suite(), run.provenance())) {
            run.allCells().forEach(store::append);
        }
        // a run started by format 3 and resumed by format 4: its old lines and its metadata stay flat
        List<String> lines = Files.readAllLines(dir.resolve(RunStore.CELLS));
        for (int i = 0; i < lines.size(); i += 2) {
            lines.set(i, LegacyRecords.cellV3(JSON.readTree(lines.get(i))).toString());
        }
        Files.write(dir.resolve(RunStore.CELLS), lines);
        Files.writeString(dir.resolve(RunStore.METADATA),
                LegacyRecords.provenanceV3(JSON.readTree(dir.resolve(RunStore.METADATA).toFile())).toPrettyString());
        assertEquals(run.allCells(), RunStore.readCells(dir));
        assertEquals(run.provenance(), RunStore.readProvenance(dir));
    }

    @Test
    void groupsRejectImpossibleNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Metrics.Timing(-1, 0, 0, 0, 0, null));
        assertTrue(e.getMessage().contains("iterations"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Metrics.Accuracy(1.2, null, null, null, null));
        assertTrue(e.getMessage().contains("finalTest"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Metrics.Convergence(null, -5L, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Metrics.Timing(0, 0, Double.NaN, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new Provenance.Run("s", "r", "now", -1, 1));
        assertEquals(500.0, Metrics.Timing.of(10, 1000, 2.0, 0.5, 3.0).samplesPerSecond());
        assertNull(Metrics.Timing.of(0, 0, 0, 0, 0.1).samplesPerSecond(), "no throughput without training time");
    }

    @Test
    void aFormatThreeLineWithAnImpossibleValueNamesItsLine() throws IOException {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        ObjectNode v3 = (ObjectNode) resource("cell-v3.json");
        ((ObjectNode) v3.get("metrics")).put("samples", -3);
        Files.writeString(dir.resolve(RunStore.CELLS), v3 + "\n");
        IOException e = assertThrows(IOException.class, () -> RunStore.readCells(dir));
        assertTrue(e.getMessage().contains("line 1 is not a valid cell record") && e.getMessage().contains("samples"),
                e.getMessage());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
