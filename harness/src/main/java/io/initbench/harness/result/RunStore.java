package io.initbench.harness.result;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run's directory. Records are appended one line each and forced to disk before
 * {@link #append} returns, so every finished cell survives a crash or kill of the process.
 * The static methods are the directory's reading side, each kept by the class of its concern:
 * {@link CellsFile} (the records, plain or compressed), {@link RunJournal} (what the run started),
 * {@link RunMetadata} (suite and provenance) and {@link RunFiles} (bounded reads, atomic writes).
 */
public final class RunStore implements AutoCloseable {
    public static final String CELLS = "cells.jsonl";
    /**
     * {@link #CELLS} compressed with gzip, as large published runs are kept: read wherever the plain file
     * is, never written; a directory must not hold both.
     */
    public static final String CELLS_GZ = CELLS + ".gz";
    public static final String SUITE = "suite.json";
    public static final String METADATA = "metadata.json";
    /**
     * Append-only log of what the run started: a {@code shard i/n} line when the directory is created,
     * then {@code started <cell id>} (forced to disk) before each cell trains. A started cell without a
     * record is one the process died in.
     */
    public static final String JOURNAL = "journal.log";
    /** Oldest record format this version reads (version 1 lacks diagnostics, which read as none). */
    public static final int MIN_FORMAT_VERSION = 1;
    /**
     * The most {@code cells.jsonl} may hold: 50,000 records of ~20 KB. The file is read whole, so a link to
     * /dev/zero or a runaway file must be refused before reading, not die of OutOfMemoryError.
     */
    public static final long MAX_CELLS_BYTES = 1L << 30;
    /** The most journal.log, suite.json or metadata.json may hold (each is a few KB to a few MB). */
    public static final long MAX_SMALL_FILE_BYTES = 64L << 20;
    /**
     * Fault injection for {@code .ci/kill-resume.sh}: with {@code -Dinitbench.faults.appendPauseMs=N} each
     * record is written in two halves N ms apart, the first forced to disk, so that a kill can land
     * mid-record as reliably as a real crash during a slow write would.
     */
    private static final long APPEND_PAUSE_MS = Long.getLong("initbench.faults.appendPauseMs", 0);

    private final Path dir;
    private final ObjectMapper json = ResultJson.mapper();
    /** Null for a store reopened to rewrite reports: it records nothing. */
    private final FileChannel cells;
    private FileChannel journal;

    private RunStore(Path dir, boolean appending) throws IOException {
        this.dir = dir;
        this.cells = !appending ? null : FileChannel.open(dir.resolve(CELLS), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
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
            CellsFile.requireAppendable(dir); // before anything is written into a compressed run
            // suite.json and metadata.json first: a directory with cells.jsonl always has both
            RunMetadata.write(dir, suite, provenance);
            RunJournal.start(dir, shard, merge);
            return new RunStore(dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir.toAbsolutePath() + " (" + e.getMessage()
                    + "); pass -Dout=<writable directory>", e);
        }
    }

    /**
     * Opens an existing run directory to rewrite its reports; its spec, metadata and records are left as
     * they are (its records may be compressed: nothing is appended).
     */
    public static RunStore reopen(Path dir) throws IOException {
        return new RunStore(dir, false);
    }

    public Path dir() {
        return dir;
    }

    /** Appends one record and forces it to disk. Thread-safe. */
    public synchronized void append(CellRecord record) {
        if (cells == null) {
            throw new IllegalStateException(dir + " was reopened to rewrite its reports, not to record cells");
        }
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

    /**
     * Notes in the journal, on disk, that a cell is about to train: should the process die in it (the
     * kernel's out-of-memory killer, a SIGKILL) the next resume knows which cell it was. Thread-safe.
     */
    public void markStarted(String cellId) {
        try {
            journal(RunJournal.STARTED_LINE + cellId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(JOURNAL) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Notes that the process stops in an orderly way (a catchable signal) while the cell trains: the start
     * that {@link #markStarted} noted is then not counted as one the process died in. Thread-safe.
     */
    public void markStopped(String cellId) throws IOException {
        journal(RunJournal.STOPPED_LINE + cellId);
    }

    /** Notes that a merge wrote every record and report. */
    public void markMerged() throws IOException {
        journal(RunJournal.MERGED_LINE);
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

    /** Writes a file of this run atomically; see {@link #writeAtomically}. */
    public void writeFile(String name, byte[] content) throws IOException {
        writeAtomically(dir.resolve(name), content);
    }

    /**
     * Writes a file atomically (temp + rename in its directory, created if needed) so a reader never
     * sees half of it, with a plain new file's mode (readable by the web server of a nightly box).
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        RunFiles.writeAtomically(file, content);
    }

    /** Whether {@code dir} is a merge that was killed before it finished (its records are a part). */
    public static boolean interruptedMerge(Path dir) throws IOException {
        return RunJournal.interruptedMerge(dir);
    }

    /** The run's number among its siblings (from its journal's first line); 0 for a run made before they existed. */
    public static long sequence(Path dir) throws IOException {
        return RunJournal.sequence(dir);
    }

    /**
     * How often the process died in each cell: its {@code started} lines less its {@code stopped} lines (a
     * torn last line is ignored); empty without a journal.
     */
    public static Map<String, Integer> starts(Path dir) throws IOException {
        return RunJournal.starts(dir);
    }

    /** The shard a run directory was made for, or null when its journal does not say (a merge, an old run). */
    public static Shard readShard(Path dir) throws IOException {
        return RunJournal.readShard(dir);
    }

    /**
     * What a run directory's {@code cells.jsonl} (or {@code cells.jsonl.gz}) holds.
     *
     * @param records    every complete record, in file order
     * @param validBytes length of the (decompressed) file up to the end of the last complete line
     * @param tornBytes  bytes after that: a record cut off by a crash or kill (0 = none)
     */
    public record Contents(List<CellRecord> records, long validBytes, long tornBytes) {
    }

    /**
     * Reads a run directory's records, from {@link #CELLS} or else {@link #CELLS_GZ} (both: an IOException).
     * A line is complete when it ends with a newline (the newline is the last byte {@link #append} writes);
     * an unterminated tail is a record torn by a crash and is reported in {@link Contents#tornBytes()},
     * never parsed. A complete line that does not parse, a record of an unknown format version, or a cell
     * recorded twice is corruption: an IOException that names the line.
     */
    public static Contents read(Path dir) throws IOException {
        return CellsFile.read(dir);
    }

    /** The file that holds {@code dir}'s records ({@link #CELLS}, else {@link #CELLS_GZ}), for messages. */
    public static Path cellsFile(Path dir) {
        return Files.exists(dir.resolve(CELLS_GZ)) && !Files.exists(dir.resolve(CELLS))
                ? dir.resolve(CELLS_GZ) : dir.resolve(CELLS);
    }

    /** The decompressed bytes of {@code dir}'s records file (at most {@link #MAX_CELLS_BYTES}). */
    static byte[] readCellsBytes(Path dir) throws IOException {
        Path file = CellsFile.locate(dir);
        return file == null ? new byte[0] : CellsFile.readBytes(file);
    }

    /**
     * The one rule every command applies to a run directory it reads (run's resume, report, compare,
     * merge): a directory that holds cells.jsonl (or cells.jsonl.gz, not both) must hold suite.json and
     * metadata.json too (the store writes both before it creates cells.jsonl). Without suite.json a resume
     * would silently widen the run; without metadata.json nothing says what produced the numbers.
     *
     * @return false for a directory without records (a new run, or one killed before it was set up),
     *         true for a complete one
     * @throws IllegalArgumentException naming what is missing (or doubled) and the fix
     */
    public static boolean requireComplete(Path dir) {
        Path cellsFile;
        try {
            cellsFile = CellsFile.locate(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (cellsFile == null) {
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
        throw new IllegalArgumentException(dir + " is an incomplete run directory: it has "
                + cellsFile.getFileName() + " but no " + String.join(" and no ", missing) + " (deleted?); restore"
                + " the missing file(s) from a copy, or start over with a new -Dout=");
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
        CellsFile.dropRecords(dir, cellIds);
    }

    /** Cuts a torn tail off {@code cells.jsonl} so that appends start on a fresh line. */
    public static void truncateTorn(Path dir, Contents contents) throws IOException {
        CellsFile.truncateTorn(dir, contents);
    }

    /** The run directories directly inside {@code parent} (those with metadata.json and records), by name. */
    public static List<Path> runsIn(Path parent) throws IOException {
        try (java.util.stream.Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(d -> Files.isDirectory(d) && Files.exists(d.resolve(METADATA))
                    && CellsFile.exists(d)).sorted().toList();
        }
    }

    /** The suite a run directory was made with. */
    public static SuiteSpec readSuite(Path dir) throws IOException {
        return RunMetadata.readSuite(dir);
    }

    /** The provenance a run directory was started with. */
    public static Provenance readProvenance(Path dir) throws IOException {
        return RunMetadata.readProvenance(dir);
    }

    @Override
    public void close() throws IOException {
        if (cells != null) {
            cells.close();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
