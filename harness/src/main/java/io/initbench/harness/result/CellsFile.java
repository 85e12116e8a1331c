package io.initbench.harness.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A run directory's records: {@link RunStore#CELLS}, one JSON line per cell, or the same file compressed
 * as {@link RunStore#CELLS_GZ} (how large published runs are kept). Every reader goes through
 * {@link #locate}, so either form reads the same; only the plain file is ever written or appended to.
 */
final class CellsFile {
    private CellsFile() {
    }

    /** Whether {@code dir} holds records in either form. */
    static boolean exists(Path dir) {
        return Files.exists(dir.resolve(RunStore.CELLS)) || Files.exists(dir.resolve(RunStore.CELLS_GZ));
    }

    /**
     * The file that holds {@code dir}'s records: {@code cells.jsonl}, else {@code cells.jsonl.gz}; null when
     * there is neither.
     *
     * @throws IOException when both are there: which one holds the run is not for initbench to guess
     */
    static Path locate(Path dir) throws IOException {
        Path plain = dir.resolve(RunStore.CELLS);
        Path gz = dir.resolve(RunStore.CELLS_GZ);
        boolean hasPlain = Files.exists(plain);
        boolean hasGz = Files.exists(gz);
        if (hasPlain && hasGz) {
            throw new IOException(dir + " holds both " + RunStore.CELLS + " and " + RunStore.CELLS_GZ + ": a run's"
                    + " records are in one of them; delete the one that is not the run's (or compare them first)");
        }
        return hasPlain ? plain : hasGz ? gz : null;
    }

    /**
     * Refuses to append to a run whose records are only compressed: appending to a new cells.jsonl beside
     * them would split the run in two files.
     */
    static void requireAppendable(Path dir) throws IOException {
        Path file = locate(dir);
        if (file != null && file.getFileName().toString().equals(RunStore.CELLS_GZ)) {
            throw new IOException(file + " holds this run's records compressed, and a run appends to "
                    + RunStore.CELLS + ": decompress it first (gunzip " + file + ") to resume the run,"
                    + " or pass a new -Dout=");
        }
    }

    /** The decompressed bytes of {@code file}, at most {@link RunStore#MAX_CELLS_BYTES} of them. */
    static byte[] readBytes(Path file) throws IOException {
        byte[] raw = RunFiles.readBounded(file, RunStore.MAX_CELLS_BYTES);
        if (!file.getFileName().toString().endsWith(".gz")) {
            return raw;
        }
        // the limit holds for the records, not the compressed file: a small file can inflate to any size
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] bytes = in.readNBytes((int) Math.min(RunStore.MAX_CELLS_BYTES, Integer.MAX_VALUE - 8) + 1);
            if (bytes.length > RunStore.MAX_CELLS_BYTES) {
                throw new IOException(file + " decompresses to more than the " + RunStore.MAX_CELLS_BYTES
                        + " bytes initbench reads from it; it is not a file initbench wrote (or the run is larger"
                        + " than supported): replace it, or split the run into shards (-Dshard=i/n)");
            }
            return bytes;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(file + " is not a complete gzip file (" + e.getMessage() + "); it is corrupt or"
                    + " was cut off: compress the run's " + RunStore.CELLS + " again", e);
        }
    }

    /** Reads {@code dir}'s records; see {@link RunStore#read}. */
    static RunStore.Contents read(Path dir) throws IOException {
        Path file = locate(dir);
        if (file == null) {
            return new RunStore.Contents(List.of(), 0, 0);
        }
        byte[] bytes = readBytes(file);
        ObjectMapper json = ResultJson.mapper();
        List<CellRecord> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int start = 0;
        int line = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            line++;
            String text = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            start = i + 1;
            if (text.isBlank()) {
                continue;
            }
            CellRecord r = parse(json, text, file, line);
            Integer first = seen.putIfAbsent(r.cellId(), line);
            if (first != null) {
                throw new IOException(file + " records cell " + r.cellId() + " twice (lines " + first + " and " + line
                        + "); the file was edited or two runs wrote into one directory: keep one of the lines");
            }
            out.add(r);
        }
        return new RunStore.Contents(out, start, bytes.length - start);
    }

    private static CellRecord parse(ObjectMapper json, String text, Path file, int line) throws IOException {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (IOException e) {
            throw new IOException(file + " line " + line + " is not valid JSON (" + e.getMessage()
                    + "); the file is corrupt: delete that line to re-run the cell", e);
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version < RunStore.MIN_FORMAT_VERSION || version > CellRecord.FORMAT_VERSION) {
            throw new IOException(file + " line " + line + " has record format version " + version + "; this initbench"
                    + " reads versions " + RunStore.MIN_FORMAT_VERSION + " to " + CellRecord.FORMAT_VERSION + ". Read"
                    + " it with the initbench version that wrote it, or re-run the suite into a new -Dout");
        }
        try {
            return json.treeToValue(tree, CellRecord.class);
        } catch (IOException e) {
            throw new IOException(file + " line " + line + " is not a valid cell record (" + e.getMessage() + ")", e);
        }
    }

    /** Rewrites the plain records file without the records of {@code cellIds}; see {@link RunStore#dropRecords}. */
    static void dropRecords(Path dir, Set<String> cellIds) throws IOException {
        if (cellIds.isEmpty()) {
            return;
        }
        requireAppendable(dir);
        Path file = dir.resolve(RunStore.CELLS);
        String text = new String(RunFiles.readBounded(file, RunStore.MAX_CELLS_BYTES), StandardCharsets.UTF_8);
        ObjectMapper json = ResultJson.mapper();
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank() || cellIds.contains(json.readTree(line).path("cellId").asText())) {
                continue;
            }
            kept.append(line).append('\n');
        }
        RunFiles.writeAtomically(file, kept.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Cuts a torn tail off the plain records file so that appends start on a fresh line. */
    static void truncateTorn(Path dir, RunStore.Contents contents) throws IOException {
        if (contents.tornBytes() == 0) {
            return;
        }
        requireAppendable(dir);
        try (FileChannel ch = FileChannel.open(dir.resolve(RunStore.CELLS), StandardOpenOption.WRITE)) {
            ch.truncate(contents.validBytes());
            ch.force(true);
        }
    }
}
