package io.initbench.harness.result;

import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.Shard;
import io.initbench.harness.spec.SuiteSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collecting the shard directories of one run for a merge ({@link RunDirectories#collectShards}): each input
 * is read and checked against the first (same build, same suite) and against its grid and shard, and the
 * whole against overlaps and missing cells. One instance collects one merge.
 */
final class ShardMerge {
    private static final Pattern TORN_ID = Pattern.compile("\"cellId\"\\s*:\\s*\"([0-9a-zA-Z-]+)\"");

    private final boolean partial;
    private final Consumer<String> note;
    private SuiteSpec suite;
    private Path first;
    private Provenance firstProvenance;
    private final Map<String, CellSpec> gridById = new HashMap<>();
    private final Map<String, Path> from = new HashMap<>();
    private final List<CellRecord> records = new ArrayList<>();

    private ShardMerge(boolean partial, Consumer<String> note) {
        this.partial = partial;
        this.note = note;
    }

    static RunDirectories.Merged collect(Path target, List<Path> inputs, boolean partial,
                                         BiFunction<SuiteSpec, List<CellRecord>, List<Integer>> decided,
                                         Consumer<String> note) throws IOException {
        clearTarget(target, note);
        ShardMerge m = new ShardMerge(partial, note);
        for (Path d : inputs) {
            m.add(d);
        }
        return m.finish(decided);
    }

    /** {@code target} must not hold results yet, unless they are a merge killed half-way (then replaced). */
    private static void clearTarget(Path target, Consumer<String> note) throws IOException {
        if (!CellsFile.exists(target)) {
            return;
        }
        if (!RunStore.interruptedMerge(target)) {
            throw new IllegalArgumentException("merge target " + target + " already holds results; pass a new -Dout=");
        }
        // a merge killed half-way: its part of the records is replaced by this one's whole
        note.accept("merge: " + target + " holds an interrupted merge; its records are replaced");
        for (String name : List.of(RunStore.CELLS, RunStore.JOURNAL, RunStore.METADATA, RunStore.SUITE)) {
            Files.deleteIfExists(target.resolve(name));
        }
    }

    private void add(Path d) throws IOException {
        if (!RunStore.requireComplete(d)) {
            throw new IllegalArgumentException(d + " is not an initbench run directory: it has no " + RunStore.CELLS
                    + "; pass the run directories of the shards in -Dinputs=");
        }
        SuiteSpec s = RunStore.readSuite(d);
        requireSameBuild(d, RunStore.readProvenance(d));
        if (suite == null) {
            suite = s;
            first = d;
            Grid.cells(s).forEach(c -> gridById.put(c.id(), c));
        } else if (!s.equals(suite)) {
            throw new IllegalArgumentException(d + " holds a different suite or settings than " + first
                    + " (compare their suite.json); merge only shards of one run");
        }
        RunStore.Contents contents = RunStore.read(d);
        if (contents.tornBytes() > 0) {
            tornTail(d, contents);
        }
        Shard shard = RunStore.readShard(d);
        for (CellRecord r : contents.records()) {
            addRecord(d, shard, r);
        }
    }

    private void requireSameBuild(Path d, Provenance p) {
        if (firstProvenance == null) {
            firstProvenance = p;
            return;
        }
        List<String> differ = buildDifferences(firstProvenance, p);
        if (!differ.isEmpty()) {
            // one metadata.json cannot describe shards made by different code or settings
            throw new IllegalArgumentException(d + " was made by other code or settings than " + first + ": "
                    + String.join("; ", differ) + ". Merge only shards of one build and settings: re-run"
                    + " the odd shard with the same build, -Dthreads and backend");
        }
    }

    /** A record torn by a kill: an error, or with {@code partial} a note that its cell is left out. */
    private void tornTail(Path d, RunStore.Contents contents) throws IOException {
        String torn = tornCellId(d, contents);
        Path file = RunStore.cellsFile(d);
        if (!partial) {
            throw new IllegalArgumentException(file + " ends with a torn record ("
                    + torn + ", " + contents.tornBytes() + " bytes: the shard was killed while writing it);"
                    + " resume that shard to finish the cell, or pass -Dmerge.partial=true to merge without it");
        }
        note.accept("merge: left out the torn record at the end of " + file + " ("
                + torn + ", " + contents.tornBytes() + " bytes); that cell is missing from the merged run");
    }

    private void addRecord(Path d, Shard shard, CellRecord r) {
        CellSpec expected = gridById.get(r.cellId());
        Path file = RunStore.cellsFile(d);
        if (expected == null || !expected.equals(r.cell()) || !r.identity().suite().equals(suite.name())) {
            throw new IllegalArgumentException(file + " holds cell " + r.cellId() + " ("
                    + r.cell().label() + "), which is not in the grid of " + d.resolve(RunStore.SUITE)
                    + "; the file was edited or mixes runs: remove that record, or merge without " + d);
        }
        if (shard != null && !shard.contains(suite.shardKey(r.cell()))) {
            throw new IllegalArgumentException(file + " holds cell " + r.cellId() + " ("
                    + r.cell().label() + "), which belongs to another shard than " + d + "'s " + shard
                    + "; the file was edited or copied: remove that record, or merge without " + d);
        }
        Path other = from.putIfAbsent(r.cellId(), d);
        if (other != null) {
            throw new IllegalArgumentException("cell " + r.cellId() + " (" + r.cell().label() + ") is in both "
                    + other + " and " + d + "; shards must not overlap (same -Dshard=i/n twice?)");
        }
        records.add(r);
    }

    private RunDirectories.Merged finish(BiFunction<SuiteSpec, List<CellRecord>, List<Integer>> decided)
            throws IOException {
        if (suite == null) {
            throw new IllegalArgumentException("merge needs -Dinputs=<run dir>,<run dir>,... and -Dout=<new run dir>");
        }
        List<CellSpec> all = Grid.cells(suite);
        // with tuning, the cells a run holds are its tuning cells and the final cells at the chosen rates
        List<CellSpec> grid = suite.tuning() == null ? all : decided.apply(suite, records).stream().map(all::get).toList();
        List<CellSpec> missing = grid.stream().filter(c -> !from.containsKey(c.id())).toList();
        if (!missing.isEmpty() && !partial) {
            throw new IllegalArgumentException(missing.size() + " of " + grid.size() + " cells are in no input (first: "
                    + missing.get(0).label() + "); add the missing shard's directory, or pass -Dmerge.partial=true");
        }
        records.sort(CellRecord.GRID_ORDER);
        return new RunDirectories.Merged(suite, RunStore.readProvenance(first), records);
    }

    /** What differs between two runs' code, backend and threads, as "field a vs b"; empty when nothing. */
    static List<String> buildDifferences(Provenance a, Provenance b) {
        List<String> out = new ArrayList<>();
        differ(out, "git commit", a.software().gitCommit(), b.software().gitCommit());
        differ(out, "uncommitted changes (dirty)", a.software().gitDirty(), b.software().gitDirty());
        differ(out, "initbench version", a.software().initbenchVersion(), b.software().initbenchVersion());
        differ(out, "DL4J version", a.software().dl4jVersion(), b.software().dl4jVersion());
        differ(out, "ND4J backend", a.software().backend(), b.software().backend());
        differ(out, "native build", a.software().nativeBuild(), b.software().nativeBuild());
        differ(out, "layers", a.software().layers(), b.software().layers());
        differ(out, "native threads per worker", a.run().threadsPerWorker(), b.run().threadsPerWorker());
        return out;
    }

    private static void differ(List<String> out, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(what + " " + a + " vs " + b);
        }
    }

    /** Names the cell of a torn record by the id at its start, when that much was written. */
    private static String tornCellId(Path dir, RunStore.Contents contents) throws IOException {
        byte[] bytes = RunStore.readCellsBytes(dir);
        String tail = new String(bytes, (int) contents.validBytes(), bytes.length - (int) contents.validBytes(),
                StandardCharsets.UTF_8);
        Matcher m = TORN_ID.matcher(tail);
        return m.find() ? "cell " + m.group(1) : "cell unknown: cut off before its id";
    }
}
