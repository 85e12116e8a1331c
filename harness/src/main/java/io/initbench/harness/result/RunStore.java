package io.initbench.harness.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.initbench.datasets.fetch.TempFiles;
import io.initbench.harness.spec.Shard;
import io.initbench.harness.spec.SuiteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's directory. Records are appended one line each and forced to disk before
 * {@link #append} returns, so every finished cell survives a crash or kill of the process.
 */
public final class RunStore implements AutoCloseable {
    public static final String CELLS = "cells.jsonl";
    public static final String SUITE = "suite.json";
    public static final String METADATA = "metadata.json";
    /**
     * Append-only log of what the run started: a {@code shard i/n} line when the directory is created,
     * then {@code started <cell id>} (forced to disk) before each cell trains. A started cell without a
     * record is one the process died in.
     */
    public static final String JOURNAL = "journal.log";
    private static final String SHARD_LINE = "shard ";
    private static final String STARTED_LINE = "started ";
    /** Oldest record format this version reads (version 1 lacks diagnostics, which read as none). */
    public static final int MIN_FORMAT_VERSION = 1;

    private final Path dir;
    private final ObjectMapper json = ResultJson.mapper();
    private final FileChannel cells;
    private FileChannel journal;

    private RunStore(Path dir) throws IOException {
        this.dir = dir;
        this.cells = FileChannel.open(dir.resolve(CELLS), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /**
     * Creates (or reopens, to resume) a run directory and writes its spec and metadata; a resumed run
     * keeps the metadata it was started with.
     */
    public static RunStore create(Path dir, SuiteSpec suite, Provenance provenance) {
        return create(dir, suite, provenance, null);
    }

    /** The same for a run of {@code shard} (null = not a training run), which the journal remembers. */
    public static RunStore create(Path dir, SuiteSpec suite, Provenance provenance, Shard shard) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new IOException("not writable");
            }
            RunStore store = new RunStore(dir);
            store.writeJson(SUITE, suite);
            if (!Files.exists(dir.resolve(METADATA))) {
                store.writeJson(METADATA, provenance);
            }
            if (shard != null && !Files.exists(dir.resolve(JOURNAL))) {
                store.journal(SHARD_LINE + shard);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir.toAbsolutePath() + " (" + e.getMessage()
                    + "); pass -Dout=<writable directory>", e);
        }
    }

    /** Opens an existing run directory to rewrite its reports; its spec and metadata are left as they are. */
    public static RunStore reopen(Path dir) throws IOException {
        return new RunStore(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Appends one record and forces it to disk. Thread-safe. */
    public synchronized void append(CellRecord record) {
        try {
            byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(line);
            if (APPEND_PAUSE_MS > 0) {
                writeTornHalf(buf);
            }
            while (buf.hasRemaining()) {
                cells.write(buf);
            }
            cells.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(CELLS) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Notes in the journal, on disk, that a cell is about to train: should the process die in it (the
     * kernel's out-of-memory killer, a SIGKILL) the next resume knows which cell it was. Thread-safe.
     */
    public void markStarted(String cellId) {
        try {
            journal(STARTED_LINE + cellId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(JOURNAL) + ": " + e.getMessage(), e);
        }
    }

    private synchronized void journal(String line) throws IOException {
        if (journal == null) {
            journal = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            journal.write(buf);
        }
        journal.force(false);
    }

    /** How often the journal says each cell started (a torn last line is ignored); empty without a journal. */
    public static Map<String, Integer> starts(Path dir) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (String line : journalLines(dir)) {
            if (line.startsWith(STARTED_LINE)) {
                out.merge(line.substring(STARTED_LINE.length()).strip(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** The shard a run directory was made for, or null when its journal does not say (a merge, an old run). */
    public static Shard readShard(Path dir) throws IOException {
        for (String line : journalLines(dir)) {
            if (line.startsWith(SHARD_LINE)) {
                try {
                    return Shard.parse(line.substring(SHARD_LINE.length()));
                } catch (IllegalArgumentException e) {
                    throw new IOException(dir.resolve(JOURNAL) + " names an invalid shard '" + line + "'", e);
                }
            }
        }
        return null;
    }

    private static List<String> journalLines(Path dir) throws IOException {
        Path file = dir.resolve(JOURNAL);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n'); // a line cut off by a kill is not a start
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    /**
     * Fault injection for {@code .ci/kill-resume.sh}: with {@code -Dinitbench.faults.appendPauseMs=N} each
     * record is written in two halves N ms apart, the first forced to disk, so that a kill can land
     * mid-record as reliably as a real crash during a slow write would.
     */
    private static final long APPEND_PAUSE_MS = Long.getLong("initbench.faults.appendPauseMs", 0);

    private void writeTornHalf(ByteBuffer buf) throws IOException {
        ByteBuffer half = buf.duplicate();
        half.limit(buf.limit() / 2);
        while (half.hasRemaining()) {
            cells.write(half);
        }
        cells.force(false);
        buf.position(half.position());
        try {
            Thread.sleep(APPEND_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes a file of this run atomically; see {@link #writeAtomically}. */
    public void writeFile(String name, byte[] content) throws IOException {
        writeAtomically(dir.resolve(name), content);
    }

    /**
     * Writes a file atomically (temp + rename in its directory, created if needed) so a reader never
     * sees half of it. The file gets a plain new file's mode (0644 under umask 022): readable by the
     * web server that serves a nightly box's reports.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = TempFiles.create(parent, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeJson(String name, Object value) throws IOException {
        writeFile(name, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    }

    /**
     * What a run directory's {@code cells.jsonl} holds.
     *
     * @param records    every complete record, in file order
     * @param validBytes length of the file up to the end of the last complete line
     * @param tornBytes  bytes after that: a record cut off by a crash or kill (0 = none)
     */
    public record Contents(List<CellRecord> records, long validBytes, long tornBytes) {
    }

    /**
     * Reads a run directory's records. A line is complete when it ends with a newline (the newline is
     * the last byte {@link #append} writes); an unterminated tail is a record torn by a crash and is
     * reported in {@link Contents#tornBytes()}, never parsed. A complete line that does not parse, a
     * record of an unknown format version, or a cell recorded twice is corruption: an IOException that
     * names the line.
     */
    public static Contents read(Path dir) throws IOException {
        Path file = dir.resolve(CELLS);
        if (!Files.exists(file)) {
            return new Contents(List.of(), 0, 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        ObjectMapper json = ResultJson.mapper();
        List<CellRecord> out = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
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
        return new Contents(out, start, bytes.length - start);
    }

    private static CellRecord parse(ObjectMapper json, String text, Path file, int line) throws IOException {
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (IOException e) {
            throw new IOException(file + " line " + line + " is not valid JSON (" + e.getMessage()
                    + "); the file is corrupt: delete that line to re-run the cell", e);
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version < MIN_FORMAT_VERSION || version > CellRecord.FORMAT_VERSION) {
            throw new IOException(file + " line " + line + " has record format version " + version + "; this initbench"
                    + " reads versions " + MIN_FORMAT_VERSION + " to " + CellRecord.FORMAT_VERSION + ". Read it with the"
                    + " initbench version that wrote it, or re-run the suite into a new -Dout");
        }
        try {
            return json.treeToValue(tree, CellRecord.class);
        } catch (IOException e) {
            throw new IOException(file + " line " + line + " is not a valid cell record (" + e.getMessage() + ")", e);
        }
    }

    /** Reads every complete record (a torn last line, if any, is left out). */
    public static List<CellRecord> readCells(Path dir) throws IOException {
        return read(dir).records();
    }

    /** Cuts a torn tail off {@code cells.jsonl} so that appends start on a fresh line. */
    public static void truncateTorn(Path dir, Contents contents) throws IOException {
        if (contents.tornBytes() == 0) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir.resolve(CELLS), StandardOpenOption.WRITE)) {
            ch.truncate(contents.validBytes());
            ch.force(true);
        }
    }

    /** The run directories directly inside {@code parent} (those with metadata.json and cells.jsonl), by name. */
    public static List<Path> runsIn(Path parent) throws IOException {
        try (java.util.stream.Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(d -> Files.isDirectory(d) && Files.exists(d.resolve(METADATA))
                    && Files.exists(d.resolve(CELLS))).sorted().toList();
        }
    }

    /** The suite a run directory was made with. */
    public static SuiteSpec readSuite(Path dir) throws IOException {
        Path file = dir.resolve(SUITE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not an initbench run directory: it has no " + SUITE);
        }
        try {
            ObjectMapper json = ResultJson.mapper();
            com.fasterxml.jackson.databind.JsonNode tree = json.readTree(file.toFile());
            // written before the learning rate was an axis: its one rate was training.learningRate
            if (tree.get("axes") instanceof com.fasterxml.jackson.databind.node.ObjectNode axes
                    && !axes.has("learningRate") && tree.path("training").has("learningRate")) {
                axes.putArray("learningRate").add(tree.path("training").get("learningRate"));
            }
            return json.treeToValue(tree, SuiteSpec.class);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The provenance a run directory was started with. */
    public static Provenance readProvenance(Path dir) throws IOException {
        return readJson(dir, METADATA, Provenance.class);
    }

    private static <T> T readJson(Path dir, String name, Class<T> type) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not an initbench run directory: it has no " + name);
        }
        try {
            return ResultJson.mapper().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        cells.close();
        if (journal != null) {
            journal.close();
        }
    }
}
