package io.initbench.harness.result;

import io.initbench.harness.spec.Shard;
import java.io.IOException;
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
 * A run directory's {@link RunStore#JOURNAL}: the append-only log of what the run started, read back to
 * know the run's number among its siblings, its shard, the cells a process died in and whether a merge
 * finished.
 */
final class RunJournal {
    private static final String SHARD_LINE = "shard ";
    static final String STARTED_LINE = "started ";
    /** An orderly stop (SIGTERM, SIGINT) while the cell trained: that start does not count against it. */
    static final String STOPPED_LINE = "stopped ";
    /**
     * {@code run <n>}, the journal's first line: the directory's place among its siblings' runs (1 + the
     * highest number beside it), an order that a clock set back cannot change.
     */
    private static final String RUN_LINE = "run ";
    private static final String MERGING_LINE = "merging";
    static final String MERGED_LINE = "merged";

    private RunJournal() {
    }

    /**
     * Starts the journal of a new directory (an existing one is left as it is): its run number, then its
     * shard, or for a merge the line that marks it unfinished until {@link #MERGED_LINE}.
     */
    static void start(Path dir, Shard shard, boolean merge) throws IOException {
        if (Files.exists(dir.resolve(RunStore.JOURNAL))) {
            return;
        }
        List<String> first = new ArrayList<>();
        first.add(RUN_LINE + nextSequence(dir));
        if (shard != null) {
            first.add(SHARD_LINE + shard);
        } else if (merge) {
            first.add(MERGING_LINE); // before cells.jsonl exists: a kill from here on is an interrupted merge
        }
        appendLines(dir.resolve(RunStore.JOURNAL), first);
    }

    /** Whether {@code dir} is a merge that was killed before it finished (its records are a part). */
    static boolean interruptedMerge(Path dir) throws IOException {
        List<String> lines = lines(dir);
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
            for (Path d : RunStore.runsIn(parent)) {
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
    static long sequence(Path dir) throws IOException {
        for (String line : lines(dir)) {
            if (line.startsWith(RUN_LINE)) {
                try {
                    return Long.parseLong(line.substring(RUN_LINE.length()).strip());
                } catch (NumberFormatException e) {
                    throw new IOException(dir.resolve(RunStore.JOURNAL) + " has an invalid run number '" + line + "'", e);
                }
            }
        }
        return 0;
    }

    /**
     * How often the process died in each cell: its {@code started} lines less its {@code stopped} lines (a
     * torn last line is ignored); empty without a journal.
     */
    static Map<String, Integer> starts(Path dir) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (String line : lines(dir)) {
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
    static Shard readShard(Path dir) throws IOException {
        for (String line : lines(dir)) {
            if (line.startsWith(SHARD_LINE)) {
                try {
                    return Shard.parse(line.substring(SHARD_LINE.length()));
                } catch (IllegalArgumentException e) {
                    throw new IOException(dir.resolve(RunStore.JOURNAL) + " names an invalid shard '" + line + "'", e);
                }
            }
        }
        return null;
    }

    private static List<String> lines(Path dir) throws IOException {
        Path file = dir.resolve(RunStore.JOURNAL);
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = RunFiles.readText(file, RunStore.MAX_SMALL_FILE_BYTES);
        int end = text.lastIndexOf('\n'); // a line cut off by a kill is not a start
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }
}
