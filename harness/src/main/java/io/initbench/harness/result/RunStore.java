package io.initbench.harness.result;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;

/**
 * One run's directory. Records are appended one line each and forced to disk before
 * {@link #append} returns, so every finished cell survives a crash or kill of the process.
 */
public final class RunStore implements AutoCloseable {
    public static final String CELLS = "cells.jsonl";
    public static final String SUITE = "suite.json";
    public static final String METADATA = "metadata.json";

    private final Path dir;
    private final ObjectMapper json = ResultJson.mapper();
    private final FileChannel cells;

    private RunStore(Path dir) throws IOException {
        this.dir = dir;
        this.cells = FileChannel.open(dir.resolve(CELLS), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Creates (or reopens) a run directory and writes its spec and metadata. */
    public static RunStore create(Path dir, SuiteSpec suite, Provenance provenance) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new IOException("not writable");
            }
            RunStore store = new RunStore(dir);
            store.writeJson(SUITE, suite);
            store.writeJson(METADATA, provenance);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir.toAbsolutePath() + " (" + e.getMessage()
                    + "); pass -Dout=<writable directory>", e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Appends one record and forces it to disk. Thread-safe. */
    public synchronized void append(CellRecord record) {
        try {
            byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                cells.write(buf);
            }
            cells.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(CELLS) + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file atomically (temp + rename) so a reader never sees half of it. */
    public void writeFile(String name, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeJson(String name, Object value) throws IOException {
        writeFile(name, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    }

    /** Reads every complete record of a run directory's {@code cells.jsonl}, in file order. */
    public static List<CellRecord> readCells(Path dir) throws IOException {
        ObjectMapper json = ResultJson.mapper();
        List<CellRecord> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve(CELLS), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(json.readValue(line, CellRecord.class));
            } catch (IOException e) {
                throw new IOException(dir.resolve(CELLS) + " line " + (i + 1) + " is not a valid cell record ("
                        + e.getMessage() + ")", e);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        cells.close();
    }
}
