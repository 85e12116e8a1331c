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
import java.util.Set;

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
    /** An orderly stop (SIGTERM, SIGINT) while the cell trained: that start does not count against it. */
    private static final String STOPPED_LINE = "stopped ";
    /**
     * {@code run <n>}, the journal's first line: the directory's place among its siblings' runs (1 + the
     * highest number beside it), an order that a clock set back cannot change.
     */
    private static final String RUN_LINE = "run ";
    private static final String MERGING_LINE = "merging";
    private static final String MERGED_LINE = "merged";
    /** Oldest record format this version reads (version 1 lacks diagnostics, which read as none). */
    public static final int MIN_FORMAT_VERSION = 1;
    /**
     * The most {@code cells.jsonl} may hold: 50,000 records of ~20 KB. The file is read whole, so a link to
     * /dev/zero or a runaway file must be refused before reading, not die of OutOfMemoryError.
     */
    public static final long MAX_CELLS_BYTES = 1L << 30;
    /** The most journal.log, suite.json or metadata.json may hold (each is a few KB to a few MB). */
    public static final long MAX_SMALL_FILE_BYTES = 64L << 20;

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
        return create(dir, suite, provenance, shard, false);
    }

    /**
     * Creates the directory of a merge: its journal says "merging" from the start, until {@link #markMerged};
     * every reader refuses it until then ({@link #requireComplete}).
     */
    public static RunStore createMerge(Path dir, SuiteSpec suite, Provenance provenance) {
        return create(dir, suite, provenance, null, true);
    }

    private static RunStore create(Path dir, SuiteSpec suite, Provenance provenance, Shard shard, boolean merge) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new IOException("not writable");
            }
            // suite.json and metadata.json first: a directory with cells.jsonl always has both
            ObjectMapper json = ResultJson.mapper();
            writeAtomically(dir.resolve(SUITE), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(suite));
            if (!Files.exists(dir.resolve(METADATA))) {
                writeAtomically(dir.resolve(METADATA), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(provenance));
            }
            if (!Files.exists(dir.resolve(JOURNAL))) {
                List<String> first = new ArrayList<>();
                first.add(RUN_LINE + nextSequence(dir));
                if (shard != null) {
                    first.add(SHARD_LINE + shard);
                } else if (merge) {
                    first.add(MERGING_LINE); // before cells.jsonl exists: a kill from here on is an interrupted merge
                }
                appendLines(dir.resolve(JOURNAL), first);
            }
            return new RunStore(dir);
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

    /**
     * Notes that the process stops in an orderly way (a catchable signal) while the cell trains: the start
     * that {@link #markStarted} noted is then not counted as one the process died in. Thread-safe.
     */
    public void markStopped(String cellId) throws IOException {
        journal(STOPPED_LINE + cellId);
    }

    /** Notes that a merge wrote every record and report. */
    public void markMerged() throws IOException {
        journal(MERGED_LINE);
    }

    /** Whether {@code dir} is a merge that was killed before it finished (its records are a part). */
    public static boolean interruptedMerge(Path dir) throws IOException {
        List<String> lines = journalLines(dir);
        return lines.contains(MERGING_LINE) && !lines.contains(MERGED_LINE);
    }

    private static void appendLines(Path file, List<String> lines) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
    }

    /** 1 + the highest run number among the run directories beside {@code dir}. */
    private static long nextSequence(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().normalize().getParent();
        long max = 0;
        if (parent != null) {
            for (Path d : runsIn(parent)) {
                try {
                    max = Math.max(max, sequence(d));
                } catch (IOException e) {
                    // an unreadable neighbour has no number to beat
                }
            }
        }
        return max + 1;
    }

    /** The run's number among its siblings (see {@link #RUN_LINE}); 0 for a run made before they existed. */
    public static long sequence(Path dir) throws IOException {
        for (String line : journalLines(dir)) {
            if (line.startsWith(RUN_LINE)) {
                try {
                    return Long.parseLong(line.substring(RUN_LINE.length()).strip());
                } catch (NumberFormatException e) {
                    throw new IOException(dir.resolve(JOURNAL) + " has an invalid run number '" + line + "'", e);
                }
            }
        }
        return 0;
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

    /**
     * How often the process died in each cell: its {@code started} lines less its {@code stopped} lines (a
     * torn last line is ignored); empty without a journal.
     */
    public static Map<String, Integer> starts(Path dir) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (String line : journalLines(dir)) {
            if (line.startsWith(STARTED_LINE)) {
                out.merge(line.substring(STARTED_LINE.length()).strip(), 1, Integer::sum);
            } else if (line.startsWith(STOPPED_LINE)) {
                out.merge(line.substring(STOPPED_LINE.length()).strip(), -1, Integer::sum);
            }
        }
        out.values().removeIf(n -> n <= 0);
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
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = readText(file, MAX_SMALL_FILE_BYTES);
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
        byte[] bytes = readBounded(file, MAX_CELLS_BYTES);
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

    /**
     * Reads a run file whole after checking that it is a regular file (a FIFO would block, a device never
     * end) of at most {@code maxBytes}.
     */
    static byte[] readBounded(Path file, long maxBytes) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file (a directory, device, FIFO or socket, or a link to"
                    + " one); a run directory holds only the files initbench wrote: replace it with the real file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException(file + " is " + size + " bytes, more than the " + maxBytes + " initbench reads from"
                    + " it; it is not a file initbench wrote (or the run is larger than supported): replace it, or"
                    + " split the run into shards (-Dshard=i/n)");
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            // the size can grow between the check and the read (a file that is still written, a link swapped)
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8) + 1);
            if (bytes.length > maxBytes) {
                throw new IOException(file + " grew beyond " + maxBytes + " bytes while it was read; is another"
                        + " process writing it?");
            }
            return bytes;
        }
    }

    /** {@link #readBounded} as UTF-8 text; bytes that are no UTF-8 are corruption, named with their offset. */
    static String readText(Path file, long maxBytes) throws IOException {
        byte[] bytes = readBounded(file, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int at = firstMalformed(bytes);
            throw new IOException(file + " holds bytes that are not UTF-8 text (at byte " + at + " of "
                    + bytes.length + "); it is corrupt (a disk error, or written by something else): delete the"
                    + " damaged lines, or the file", e);
        }
    }

    private static int firstMalformed(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        for (int end = 1; end <= bytes.length; end++) {
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, 0, end));
            } catch (java.nio.charset.CharacterCodingException e) {
                if (e instanceof java.nio.charset.MalformedInputException m) {
                    return end - m.getInputLength();
                }
            }
        }
        return 0;
    }

    /**
     * The one rule every command applies to a run directory it reads (run's resume, report, compare,
     * merge): a directory that holds cells.jsonl must hold suite.json and metadata.json too (the store
     * writes both before it creates cells.jsonl). Without suite.json a resume would silently widen the run; without metadata.json nothing
     * says what produced the numbers.
     *
     * @return false for a directory without cells.jsonl (a new run, or one killed before it was set up),
     *         true for a complete one
     * @throws IllegalArgumentException naming what is missing and the fix
     */
    public static boolean requireComplete(Path dir) {
        if (!Files.exists(dir.resolve(CELLS))) {
            return false;
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of(SUITE, METADATA)) {
            if (!Files.exists(dir.resolve(name))) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            try {
                if (interruptedMerge(dir)) {
                    throw new IllegalArgumentException(dir + " is a merge that was interrupted before it finished:"
                            + " it holds only part of the records; run the same merge again (it replaces them)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir.resolve(JOURNAL) + ": " + e.getMessage(), e);
            }
            return true;
        }
        throw new IllegalArgumentException(dir + " is an incomplete run directory: it has " + CELLS + " but no "
                + String.join(" and no ", missing) + " (deleted?); restore the missing file(s) from a copy, or start"
                + " over with a new -Dout=");
    }

    /** Reads every complete record (a torn last line, if any, is left out). */
    public static List<CellRecord> readCells(Path dir) throws IOException {
        return read(dir).records();
    }

    /**
     * Rewrites {@code cells.jsonl} without the records of {@code cellIds} (atomically: a kill leaves the old
     * file or the new one), so that a resume can run those cells again without recording one twice.
     */
    public static void dropRecords(Path dir, Set<String> cellIds) throws IOException {
        if (cellIds.isEmpty()) {
            return;
        }
        Path file = dir.resolve(CELLS);
        String text = new String(readBounded(file, MAX_CELLS_BYTES), StandardCharsets.UTF_8);
        ObjectMapper json = ResultJson.mapper();
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank() || cellIds.contains(json.readTree(line).path("cellId").asText())) {
                continue;
            }
            kept.append(line).append('\n');
        }
        writeAtomically(file, kept.toString().getBytes(StandardCharsets.UTF_8));
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
        if (!Files.exists(file)) {
            throw new IOException(dir + " is not an initbench run directory: it has no " + SUITE);
        }
        try {
            ObjectMapper json = ResultJson.mapper();
            com.fasterxml.jackson.databind.JsonNode tree = json.readTree(readBounded(file, MAX_SMALL_FILE_BYTES));
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
        if (!Files.exists(file)) {
            throw new IOException(dir + " is not an initbench run directory: it has no " + name);
        }
        try {
            return ResultJson.mapper().readValue(readBounded(file, MAX_SMALL_FILE_BYTES), type);
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
