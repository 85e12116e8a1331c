package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.report.History;
import io.initbench.harness.report.ReportGoldenTest;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.RunDirectories;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.Shard;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory whose records are kept compressed ({@code cells.jsonl.gz}, as large published runs are)
 * reads as the plain one does in every command that reads runs: the same records, the same reports, the
 * same comparison and merge. Only appending to it is refused, and a directory with both files.
 */
class CompressedRunReportTest {
    @TempDir
    Path tmp;

    /** The report fixture's records written by the store into {@code dir}, as a run leaves them. */
    private static void writeRun(Path dir) {
        RunResults run = ReportGoldenTest.fixture();
        try (RunStore store = RunStore.create(dir, run.suite(), run.provenance())) {
            run.cells().forEach(store::append);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the run in {@code plain} with its records gzipped and the plain file gone. */
    private static void gzipCopy(Path plain, Path gz) throws IOException {
        Files.createDirectories(gz);
        for (String name : List.of(RunStore.SUITE, RunStore.METADATA, RunStore.JOURNAL)) {
            Files.copy(plain.resolve(name), gz.resolve(name));
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz.resolve(RunStore.CELLS_GZ)))) {
            Files.copy(plain.resolve(RunStore.CELLS), out);
        }
    }

    private Cli cli(Map<String, String> props) {
        return TestRuns.cli(tmp, props);
    }

    @Test
    void aGzippedRunReadsToTheSameRecordsAndRendersTheSameReports() throws Exception {
        // each run in its own suite directory: the run index beside it is rebuilt by report
        Path plain = tmp.resolve("a/run");
        Path gz = tmp.resolve("b/run");
        writeRun(plain);
        gzipCopy(plain, gz);
        assertFalse(Files.exists(gz.resolve(RunStore.CELLS)));

        List<CellRecord> records = RunStore.readCells(plain);
        assertEquals(ReportGoldenTest.fixture().cells().size(), records.size());
        assertEquals(records, RunStore.readCells(gz));
        assertEquals(List.of(gz), RunStore.runsIn(gz.getParent()));
        assertTrue(RunStore.requireComplete(gz));

        for (Path dir : List.of(plain, gz)) {
            assertEquals(Cli.EXIT_OK, cli(Map.of("command", "report", "run", dir.toString())).run(new String[0]));
        }
        for (String name : List.of("report.html", "matrix.md", "matrix.csv", "groups.csv", "comparisons.csv")) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(name)), Files.readAllBytes(gz.resolve(name)), name);
        }
        // report left the records as they were: compressed only
        assertFalse(Files.exists(gz.resolve(RunStore.CELLS)), "report must not create cells.jsonl beside the .gz");
        assertEquals(1, History.rows(gz.getParent()).size());
    }

    @Test
    void compareAndMergeReadAGzippedRun() throws Exception {
        Path plain = tmp.resolve("s/plain");
        Path gz = tmp.resolve("s/gz");
        writeRun(plain);
        gzipCopy(plain, gz);
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "compare", "run", plain.toString(), "baseline",
                gz.toString())).run(new String[0]));
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "compare", "run", gz.toString(), "baseline",
                plain.toString())).run(new String[0]));
        Path merged = tmp.resolve("merged");
        assertEquals(Cli.EXIT_OK, cli(Map.of("command", "merge", "inputs", gz.toString(), "out",
                merged.toString())).run(new String[0]));
        assertTrue(Files.exists(merged.resolve(RunStore.CELLS)), "a merge writes plain records");
        assertEquals(RunStore.readCells(plain), RunStore.readCells(merged));
    }

    @Test
    void aGzippedRunIsNotResumedButNamesTheFileAndTheFix() throws Exception {
        Path plain = tmp.resolve("r/plain");
        Path gz = tmp.resolve("r/gz");
        writeRun(plain);
        gzipCopy(plain, gz);
        RunResults run = ReportGoldenTest.fixture();
        RuntimeException e = assertThrows(RuntimeException.class, () -> RunDirectories.resume(gz,
                Grid.cells(run.suite()), run.suite(), Shard.ALL));
        assertTrue(e.getMessage().contains(gz.resolve(RunStore.CELLS_GZ).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("gunzip"), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> RunStore.create(gz, run.suite(), run.provenance()));
        assertFalse(Files.exists(gz.resolve(RunStore.CELLS)), "a refused resume leaves the directory as it was");
    }

    @Test
    void aDirectoryWithBothRecordFilesIsRefusedByEveryReader() throws Exception {
        Path dir = tmp.resolve("both/run");
        writeRun(dir);
        Path gz = tmp.resolve("both/gz");
        gzipCopy(dir, gz);
        Files.copy(gz.resolve(RunStore.CELLS_GZ), dir.resolve(RunStore.CELLS_GZ));
        IOException read = assertThrows(IOException.class, () -> RunStore.read(dir));
        assertTrue(read.getMessage().contains("both " + RunStore.CELLS + " and " + RunStore.CELLS_GZ), read.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunStore.requireComplete(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        for (Map<String, String> props : List.of(Map.of("command", "report", "run", dir.toString()),
                Map.of("command", "compare", "run", dir.toString(), "baseline", gz.toString()),
                Map.of("command", "merge", "inputs", dir.toString(), "out", tmp.resolve("m").toString()))) {
            assertEquals(Cli.EXIT_BAD_INPUT, cli(props).run(new String[0]), props.toString());
        }
    }

    @Test
    void aCorruptGzipFileIsNamedNotMisread() throws Exception {
        Path plain = tmp.resolve("c/plain");
        Path gz = tmp.resolve("c/gz");
        writeRun(plain);
        gzipCopy(plain, gz);
        byte[] bytes = Files.readAllBytes(gz.resolve(RunStore.CELLS_GZ));
        Files.write(gz.resolve(RunStore.CELLS_GZ), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> RunStore.read(gz));
        assertTrue(e.getMessage().contains(RunStore.CELLS_GZ) && e.getMessage().contains("gzip"), e.getMessage());
    }
}
