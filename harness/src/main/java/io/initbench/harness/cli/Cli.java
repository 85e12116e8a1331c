package io.initbench.harness.cli;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.DatasetLoader;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.DatasetSettings;
import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.audit.AuditReport;
import io.initbench.harness.bench.Benchmark;
import io.initbench.harness.result.ResultJson;
import io.initbench.harness.audit.AuditShape;
import io.initbench.harness.audit.InitAudit;
import io.initbench.harness.audit.KnownDeviations;
import io.initbench.harness.audit.NetworkAudit;
import io.initbench.harness.compare.Baseline;
import io.initbench.harness.compare.ComparisonReport;
import io.initbench.harness.compare.ComparisonScope;
import io.initbench.harness.compare.RunComparison;
import io.initbench.harness.report.ColorScale;
import io.initbench.harness.report.History;
import io.initbench.harness.report.Reports;
import io.initbench.harness.report.RunResults;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.ProvenanceCollector;
import io.initbench.harness.result.RunLock;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.Shard;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.SuiteException;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.SuiteRunner;
import io.initbench.harness.train.Tuning;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a command with explicit inputs (properties, environment, working directory), for testability. */
public final class Cli {
    private static final Logger log = LoggerFactory.getLogger(Cli.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 2;
    /** An unexpected failure: a bug or a broken installation (sysexits EX_SOFTWARE). */
    public static final int EXIT_INTERNAL = 70;
    /** The audit found an initializer that does not do what its name says, or compare found a regression. */
    public static final int EXIT_DEVIATION = 1;

    private final Map<String, String> props;
    private final Map<String, String> env;
    private final Path workDir;
    private final PrintStream out;

    public Cli(Map<String, String> props, Map<String, String> env, Path workDir, PrintStream out) {
        this.props = props;
        this.env = env;
        this.workDir = workDir;
        this.out = out;
    }

    /** The outcome of a run: where it wrote and what it recorded. */
    public record RunOutcome(Path dir, List<CellRecord> records) {
    }

    /** Runs {@code args[0]} or {@code -Dcommand} (default run) and maps failures to exit codes. */
    public int run(String[] args) {
        String name = args.length > 0 ? args[0] : props.getOrDefault("command", "run");
        try {
            // before any work: a misspelt option must not cost a run at the wrong settings
            Command command = Command.parse(name);
            OptionRegistry.check(props, command).forEach(log::warn);
            if (command == Command.HELP && args.length > 1) {
                return help(args[1]);
            }
            return execute(command.key());
        } catch (SuiteException | DatasetException | IllegalArgumentException | UncheckedIOException e) {
            log.error(e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("interrupted");
            return 130;
        } catch (RuntimeException | LinkageError e) {
            // a bug or a broken classpath, not bad input: say so with the trace, rather than let
            // exec:java report it as "mainClass doesn't contain a main method"
            log.error("internal error (please report it with this trace): {}", e.toString(), e);
            return EXIT_INTERNAL;
        }
    }

    /**
     * Runs one command and returns its exit code; bad input is thrown as SuiteException,
     * DatasetException, IllegalArgumentException or UncheckedIOException, each with a message that
     * names the problem and the fix.
     */
    public int execute(String command) throws InterruptedException {
        return switch (command) {
            case "run" -> {
                runSuite();
                yield EXIT_OK;
            }
            case "audit" -> audit();
            case "bench" -> bench();
            case "report" -> report();
            case "compare" -> compare();
            case "merge" -> {
                merge();
                yield EXIT_OK;
            }
            case "help" -> help(props.get("topic"));
            case "list" -> {
                out.print(HelpText.list());
                yield EXIT_OK;
            }
            default -> throw new IllegalArgumentException("unknown command '" + command
                    + "'; available: " + java.util.Arrays.stream(Command.values()).map(Command::key)
                    .collect(java.util.stream.Collectors.joining(", ")));
        };
    }

    /** Prints the commands and the options of {@code topic} (a command; null or blank for all). */
    private int help(String topic) {
        out.print(HelpText.help(topic == null || topic.isBlank() ? null : Command.parse(topic)));
        return EXIT_OK;
    }

    /**
     * Loads the suite named by {@code -Dsuite}, trains every cell of this shard that the run directory
     * does not hold yet (a re-run with the same {@code -Dout} resumes), writes records and reports.
     */
    public RunOutcome runSuite() throws InterruptedException {
        Options opts = Options.from(props);
        ColorScale colorScale = colorScale();
        SuiteSpec suite = new SuiteLoader().load(opts.suite(), props);
        List<CellSpec> grid = Grid.cells(suite);
        NativeThreads.configure(opts.threads());
        Instant started = Instant.now();
        String runId = runId(started) + (opts.shard().isAll() ? "" : "-shard" + opts.shard().index() + "of"
                + opts.shard().count());
        Path dir = outputDir(opts, suite.name(), runId);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("-Dout=" + dir + " is a file, not a directory; pass -Dout=<directory>"
                    + " (a new one, or a run directory to resume)");
        }
        List<CellRecord> records;
        Map<String, String> reports;
        List<Path> created = missingDirs(dir);
        RunLock lock = RunLock.acquire(dir, "run into"); // refused: nothing of ours to clean up
        try (lock) {
            if (!lock.previousHolder().isEmpty()) {
                log.warn("{} was left locked by a process that died ({}); taking it over",
                        dir, lock.previousHolder().replace('\n', ' '));
            }
            Resume resume = Resume.of(dir, grid, suite, opts.shard());
            java.util.function.Predicate<CellSpec> mine = c -> opts.shard().contains(suite.shardKey(c));
            // first the grid, or with tuning the tuning cells; the final cells follow once their rate is chosen
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < grid.size(); i++) {
                CellSpec c = grid.get(i);
                if (mine.test(c) && !resume.done().contains(c.id()) && suite.phaseOf(c) != CellPhase.TUNED) {
                    todo.add(i);
                }
            }
            List<CellSpec> cells = todo.stream().map(grid::get).toList();
            DatasetLoader loader = DatasetLoader.create(DatasetSettings.from(props, env));
            Set<DatasetRef> ids = new LinkedHashSet<>();
            grid.stream().filter(mine).forEach(c -> ids.add(c.dataset()));
            List<LoadedDataset> datasets = new ArrayList<>();
            for (DatasetRef id : ids) {
                datasets.add(loader.load(id));
            }
            Provenance provenance = ProvenanceCollector.collect(suite.name(), resume.runId() != null ? resume.runId()
                    : runId, workDir, datasets, opts.workers(), opts.threads(), started, opts.layers().key());
            if (!resume.records().isEmpty() || resume.tornBytes() > 0) {
                log.info("resuming run {} in {}: {} cell(s) recorded, {} to go{}", resume.runId(), dir,
                        resume.records().size(), cells.size(), resume.tornBytes() > 0 ? " (dropped a record torn by a"
                                + " crash, " + resume.tornBytes() + " bytes; that cell runs again)" : "");
            }
            log.info("suite {}: {} cells{} on {} worker(s) × {} native thread(s) → {}", suite.name(), cells.size(),
                    opts.shard().isAll() ? "" : " (shard " + opts.shard() + " of " + grid.size() + ")", opts.workers(),
                    opts.threads(), dir);
            records = new ArrayList<>(resume.records());
            int finalsToGo = 0;
            if (suite.tuning() != null) {
                long configs = grid.stream().filter(mine).map(CellSpec::tuningId).distinct().count();
                long finalsDone = resume.records().stream().filter(r -> r.phase() == CellPhase.TUNED).count();
                finalsToGo = (int) (configs * suite.axes().seed().size() - finalsDone);
            }
            try (RunStore store = RunStore.create(dir, suite, provenance, opts.shard());
                 Progress progress = new Progress(suite.name(), cells.size() + finalsToGo, System.console() != null)) {
                SuiteRunner runner = new SuiteRunner(opts.workers(), opts.saveModels() ? dir.resolve("models") : null,
                        opts.layers())
                        .maxStarts(Options.intProp(props, "resume.maxStarts", SuiteRunner.MAX_STARTS));
                records.addAll(runner.run(suite.name(), cells, todo, loader::load, store, provenance, progress,
                        suite::phaseOf));
                if (suite.tuning() != null) {
                    Set<String> done = new java.util.HashSet<>();
                    records.forEach(r -> done.add(r.cellId()));
                    List<Integer> finals = Tuning.decided(suite, records).stream()
                            .filter(i -> mine.test(grid.get(i)) && !done.contains(grid.get(i).id())).toList();
                    log.info("tuning done: {} final cell(s) at the chosen rates", finals.size());
                    records.addAll(runner.run(suite.name(), finals.stream().map(grid::get).toList(), finals,
                            loader::load, store, provenance, progress, suite::phaseOf));
                }
                reports = Reports.writeAll(new RunResults(suite, RunStore.readProvenance(dir), records), store,
                        colorScale);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            removeIfUnused(created); // the lock file is unlocked by now; only an empty new directory is removed
            throw e;
        }
        History.update(dir, suite.name());
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        records.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        out.println(reports.get("matrix.md"));
        log.info("done: {} in {}  ({})", counts, dir, String.join(", ", reports.keySet()));
        return new RunOutcome(dir, records);
    }

    /** {@code dir} and its ancestors that do not exist yet, deepest first. */
    private static List<Path> missingDirs(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && !Files.exists(d); d = d.getParent()) {
            out.add(d);
        }
        return out;
    }

    /**
     * Removes the directories a run created when it stopped before writing anything but its lock (bad
     * input found after the lock was taken): rejected input leaves nothing behind.
     */
    private static void removeIfUnused(List<Path> created) {
        if (created.isEmpty()) {
            return;
        }
        try (var entries = Files.list(created.get(0))) {
            if (entries.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE))) {
                return;
            }
            Files.deleteIfExists(created.get(0).resolve(RunLock.FILE));
            for (Path d : created) {
                Files.deleteIfExists(d);
            }
        } catch (IOException e) {
            log.debug("left {} in place: {}", created.get(0), e.toString());
        }
    }

    /** {@code -Dreport.colorScale}, read before any work so that a misspelt value costs nothing. */
    private ColorScale colorScale() {
        return ColorScale.parse(props.get(ColorScale.OPTION));
    }

    /** What an existing run directory already holds (nothing for a new directory). */
    private record Resume(String runId, List<CellRecord> records, Set<String> done, long tornBytes) {
        static Resume of(Path dir, List<CellSpec> grid, SuiteSpec suite, Shard shard) {
            try {
                RunStore.Contents c = RunStore.read(dir);
                boolean started = Files.exists(dir.resolve(RunStore.METADATA));
                if (started && Files.exists(dir.resolve(RunStore.SUITE)) && !RunStore.readSuite(dir).equals(suite)) {
                    // more seeds or values would pass the cell check below and silently widen the run
                    throw new IllegalArgumentException("run directory " + dir + " was started with other suite settings"
                            + " (its suite.json differs from this suite after overrides: axes, seeds or training);"
                            + " resume only with the same suite and overrides, or pass a new -Dout=");
                }
                Shard before = RunStore.readShard(dir);
                if (before != null && !before.equals(shard)) {
                    throw new IllegalArgumentException("run directory " + dir + " holds shard " + before + " of its suite,"
                            + " not " + (shard.isAll() ? "the whole suite" : "shard " + shard) + "; resume it with -Dshard="
                            + before + ", or pass a new -Dout=");
                }
                if (c.records().isEmpty() && c.tornBytes() == 0) {
                    // started before (killed before its first cell finished) or new
                    return new Resume(started ? RunStore.readProvenance(dir).run().runId() : null, List.of(), Set.of(), 0);
                }
                Set<String> gridIds = new java.util.HashSet<>();
                grid.forEach(g -> gridIds.add(g.id()));
                for (CellRecord r : c.records()) {
                    if (!gridIds.contains(r.cellId())) {
                        throw new IllegalArgumentException("run directory " + dir + " holds results of another suite or"
                                + " other settings (cell " + r.cellId() + ": " + r.cell().label() + " is not in this"
                                + " suite's grid); resume only with the same suite and overrides, or pass a new -Dout=");
                    }
                }
                RunStore.truncateTorn(dir, c);
                Set<String> done = new java.util.HashSet<>();
                c.records().forEach(r -> done.add(r.cellId()));
                return new Resume(RunStore.readProvenance(dir).run().runId(), c.records(), done, c.tornBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot resume from " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * {@code -Drun=<dir>}: rewrites every report of a run directory from its files alone: cells.jsonl,
     * with suite.json and metadata.json when present (without them only the suite's description is lost).
     */
    public int report() {
        Path dir = runDir("run");
        ColorScale colorScale = colorScale();
        try {
            List<CellRecord> cells = RunStore.readCells(dir);
            boolean full = Files.exists(dir.resolve(RunStore.SUITE)) && Files.exists(dir.resolve(RunStore.METADATA));
            if (!full && !Files.exists(dir.resolve(RunStore.CELLS))) {
                throw new IOException(dir + " is not an initbench run directory: it has no " + RunStore.CELLS);
            }
            RunResults run = full ? new RunResults(RunStore.readSuite(dir), RunStore.readProvenance(dir), cells)
                    : RunResults.fromCells(cells);
            try (RunLock lock = RunLock.acquire(dir, "rewrite the reports of");
                 RunStore store = RunStore.reopen(dir)) {
                Map<String, String> reports = Reports.writeAll(run, store, colorScale);
                log.info("rewrote {} in {} from {} record(s)", String.join(", ", reports.keySet()), dir,
                        run.cells().size());
            }
            History.update(dir, run.suite().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return EXIT_OK;
    }

    /**
     * {@code -Drun=<dir> [-Dbaseline=<dir>] [-Dcompare.intersect=true]}: compares a run with a baseline of
     * the same settings (default: the newest earlier such run of the same suite beside it) on the seeds
     * both have; writes {@code compare.md} and {@code compare-junit.xml} atomically into the run directory
     * (or {@code -Dout}). Exit code 1 on a regression, 2 when the settings differ and the intersection
     * was not asked for.
     */
    public int compare() {
        Path dir = runDir("run");
        try {
            SuiteSpec suite = RunStore.readSuite(dir);
            Path base = props.get("baseline") != null ? runDir("baseline") : Baseline.newestMatching(dir);
            ComparisonScope scope = ComparisonScope.of(suite, RunStore.readSuite(base),
                    Boolean.parseBoolean(props.getOrDefault("compare.intersect", "false")));
            double accTol = Options.doubleProp(props, "compare.accuracyTolerance");
            double speedTol = Options.doubleProp(props, "compare.speedTolerance");
            RunComparison.Result r = new RunComparison(accTol, speedTol).compare(
                    scope.restrict(RunStore.readCells(base)), scope.restrict(RunStore.readCells(dir)));
            Path outDir = props.get("out") != null ? workDir.resolve(props.get("out")) : dir;
            String md = ComparisonReport.markdown(r, scope, dir.toString(), base.toString());
            RunStore.writeAtomically(outDir.resolve("compare.md"), md.getBytes(StandardCharsets.UTF_8));
            RunStore.writeAtomically(outDir.resolve("compare-junit.xml"),
                    ComparisonReport.junitXml(r, suite.name()).getBytes(StandardCharsets.UTF_8));
            out.println(md);
            log.info("compare with {} on seed(s) {}: {} configuration(s), {} change(s) → {}", base, scope.seeds(),
                    r.configs().size(), r.findings().size(), r.regressed() ? "REGRESSION (exit 1)" : "no regression");
            return r.regressed() ? EXIT_DEVIATION : EXIT_OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * {@code -Dinputs=<dir>,<dir>,... -Dout=<dir>}: combines the run directories of one suite's shards into
     * one run directory. Every input must hold the same suite (same suite.json); a cell in two inputs, or a
     * grid cell in none (unless {@code -Dmerge.partial=true}), is an error.
     */
    public RunOutcome merge() {
        String inputs = props.get("inputs");
        if (inputs == null || inputs.isBlank() || props.get("out") == null) {
            throw new IllegalArgumentException("merge needs -Dinputs=<run dir>,<run dir>,... and -Dout=<new run dir>");
        }
        Path dir = workDir.resolve(props.get("out"));
        boolean partial = Boolean.parseBoolean(props.getOrDefault("merge.partial", "false"));
        ColorScale colorScale = colorScale();
        List<Path> created = missingDirs(dir);
        RunLock lock = RunLock.acquire(dir, "merge into"); // refused: nothing of ours to clean up
        try (lock) {
            if (Files.exists(dir.resolve(RunStore.CELLS))) {
                throw new IllegalArgumentException("merge target " + dir + " already holds results; pass a new -Dout=");
            }
            SuiteSpec suite = null;
            Path first = null;
            Map<String, Path> from = new java.util.HashMap<>();
            List<CellRecord> records = new ArrayList<>();
            for (String in : inputs.split(",")) {
                Path d = workDir.resolve(in.trim());
                SuiteSpec s = RunStore.readSuite(d);
                if (suite == null) {
                    suite = s;
                    first = d;
                } else if (!s.equals(suite)) {
                    throw new IllegalArgumentException(d + " holds a different suite or settings than " + first
                            + " (compare their suite.json); merge only shards of one run");
                }
                RunStore.Contents contents = RunStore.read(d);
                if (contents.tornBytes() > 0) {
                    String torn = tornCellId(d, contents);
                    if (!partial) {
                        throw new IllegalArgumentException(d.resolve(RunStore.CELLS) + " ends with a torn record ("
                                + torn + ", " + contents.tornBytes() + " bytes: the shard was killed while writing it);"
                                + " resume that shard to finish the cell, or pass -Dmerge.partial=true to merge without it");
                    }
                    String note = "merge: left out the torn record at the end of " + d.resolve(RunStore.CELLS) + " ("
                            + torn + ", " + contents.tornBytes() + " bytes); that cell is missing from the merged run";
                    log.warn(note);
                    out.println(note);
                }
                Shard shard = RunStore.readShard(d);
                for (CellRecord r : contents.records()) {
                    CellSpec expected = gridById(suite).get(r.cellId());
                    if (expected == null || !expected.equals(r.cell()) || !r.suite().equals(suite.name())) {
                        throw new IllegalArgumentException(d.resolve(RunStore.CELLS) + " holds cell " + r.cellId() + " ("
                                + r.cell().label() + "), which is not in the grid of " + d.resolve(RunStore.SUITE)
                                + "; the file was edited or mixes runs: remove that record, or merge without " + d);
                    }
                    if (shard != null && !shard.contains(suite.shardKey(r.cell()))) {
                        throw new IllegalArgumentException(d.resolve(RunStore.CELLS) + " holds cell " + r.cellId() + " ("
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
            }
            List<CellSpec> all = Grid.cells(suite);
            // with tuning, the cells a run holds are its tuning cells and the final cells at the chosen rates
            List<CellSpec> grid = suite.tuning() == null ? all
                    : Tuning.decided(suite, records).stream().map(all::get).toList();
            List<CellSpec> missing = grid.stream().filter(c -> !from.containsKey(c.id())).toList();
            if (!missing.isEmpty() && !partial) {
                throw new IllegalArgumentException(missing.size() + " of " + grid.size() + " cells are in no input (first: "
                        + missing.get(0).label() + "); add the missing shard's directory, or pass -Dmerge.partial=true");
            }
            records.sort(java.util.Comparator.comparingInt(CellRecord::index));
            Provenance provenance = RunStore.readProvenance(first);
            try (RunStore store = RunStore.create(dir, suite, provenance)) {
                records.forEach(store::append);
                Reports.writeAll(new RunResults(suite, provenance, records), store, colorScale);
            }
            History.update(dir, suite.name());
            log.info("merged {} record(s) from {} input(s) into {}", records.size(), inputs.split(",").length, dir);
            return new RunOutcome(dir, records);
        } catch (IOException e) {
            removeIfUnused(created);
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            removeIfUnused(created);
            throw e;
        }
    }

    /** The grid of a suite by cell id, computed once per suite. */
    private final Map<SuiteSpec, Map<String, CellSpec>> grids = new java.util.HashMap<>();

    private Map<String, CellSpec> gridById(SuiteSpec suite) {
        return grids.computeIfAbsent(suite, s -> {
            Map<String, CellSpec> m = new java.util.HashMap<>();
            Grid.cells(s).forEach(c -> m.put(c.id(), c));
            return m;
        });
    }

    /** Names the cell of a torn record by the id at its start, when that much was written. */
    private static String tornCellId(Path dir, RunStore.Contents contents) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(RunStore.CELLS));
        String tail = new String(bytes, (int) contents.validBytes(), bytes.length - (int) contents.validBytes(),
                StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"cellId\"\\s*:\\s*\"([0-9a-zA-Z-]+)\"")
                .matcher(tail);
        return m.find() ? "cell " + m.group(1) : "cell unknown: cut off before its id";
    }

    private Path runDir(String key) {
        String v = props.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("pass -D" + key + "=<run directory> (a directory with cells.jsonl,"
                    + " suite.json and metadata.json, e.g. results/<suite>/<run-id>)");
        }
        Path d = workDir.resolve(v);
        if (!Files.isDirectory(d)) {
            throw new IllegalArgumentException("-D" + key + "=" + v + ": no such directory " + d.toAbsolutePath());
        }
        return d;
    }

    /**
     * Benchmarks the harness against a naive DL4J loop on {@code -Dbench.cells} cells of {@code -Dsuite}
     * (a fixed sample spanning its grid), with the sgemm roofline; writes {@code bench.md} and {@code bench.json}.
     */
    public int bench() throws InterruptedException {
        Options opts = Options.from(props);
        // same evaluation schedule as the naive loop (once per epoch) unless asked otherwise
        Map<String, String> benchProps = new java.util.HashMap<>(props);
        benchProps.putIfAbsent("evalEvery", "0");
        SuiteSpec suite = new SuiteLoader().load(opts.suite(), benchProps);
        int count = Options.intProp(props, "bench.cells");
        int repeats = Options.intProp(props, "bench.repeats");
        int gemm = Options.intProp(props, "bench.gemm");
        if (count < 1 || repeats < 1) {
            throw new IllegalArgumentException("-Dbench.cells and -Dbench.repeats must be 1 or more");
        }
        List<CellSpec> cells = Benchmark.pick(Grid.cells(suite), count);
        LoadedDataset dataset = DatasetLoader.create(DatasetSettings.from(props, env)).load(cells.get(0).dataset());
        Instant started = Instant.now();
        String runId = runId(started);
        Path dir = outputDir(opts, "bench", runId);
        int cores = Runtime.getRuntime().availableProcessors();
        Provenance provenance = ProvenanceCollector.collect("bench:" + suite.name(), runId, workDir, List.of(dataset),
                opts.workers(), opts.threads(), started, "stock,fast");
        log.info("benchmark: {} cells of {} × {} repeats, naive vs harness ({} workers), then sgemm {}³",
                cells.size(), suite.name(), repeats, opts.workers(), gemm);
        Benchmark.Result result = new Benchmark(cores, opts.workers(), opts.threads(), repeats, gemm)
                .run(suite, cells, dataset, provenance, dir.resolve("scratch"));
        String md = Benchmark.markdown(result);
        writeReport(dir, "bench.md", md);
        try {
            ResultJson.mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("bench.json").toFile(), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("bench.json") + ": " + e.getMessage(), e);
        }
        log.info("benchmark written to {}", dir);
        return EXIT_OK;
    }

    /** {@code -Dout} if given, else {@code results/<kind>/<run id>} under the working directory. */
    private Path outputDir(Options opts, String kind, String runId) {
        return opts.out() != null ? workDir.resolve(opts.out()) : workDir.resolve("results").resolve(kind).resolve(runId);
    }

    /** Writes a Markdown report into a run directory and prints it. */
    private void writeReport(Path dir, String name, String markdown) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
        out.println(markdown);
    }

    private String runId(Instant started) {
        String commit = ProvenanceCollector.gitCommit(workDir);
        return RUN_ID.format(started) + "-" + (commit.length() >= 7 ? commit.substring(0, 7) : commit);
    }

    /**
     * With {@code -Dsuite}: builds each configuration's network and audits its weight layers. Without:
     * audits {@code -DweightInit} (or every initializer) on the standard shapes. Writes audit.md and
     * audit.json; exit code 1 when a deviation is not on the known list ({@code -Daudit.knownDeviations=}
     * replaces the built-in one).
     */
    public int audit() {
        Options opts = Options.from(props);
        KnownDeviations known = props.get("audit.knownDeviations") == null ? KnownDeviations.builtIn()
                : KnownDeviations.read(Path.of(props.get("audit.knownDeviations")));
        NativeThreads.configure(opts.threads());
        List<InitAudit.Row> checks;
        String markdown;
        String json;
        String subject;
        if (props.get("suite") != null) {
            SuiteSpec suite = new SuiteLoader().load(props.get("suite"), props);
            List<NetworkAudit.LayerRow> rows = new NetworkAudit(known).run(Grid.cells(suite));
            checks = rows.stream().map(NetworkAudit.LayerRow::check).toList();
            subject = "networks of suite " + suite.name();
            markdown = AuditReport.networkMarkdown(suite.name(), rows);
            json = AuditReport.json(subject, rows, AuditReport.failures(checks), known(checks));
        } else {
            List<InitSpec> inits = props.get("weightInit") != null
                    ? SuiteLoader.splitTopLevel(props.get("weightInit")).stream().map(InitSpec::parse).toList()
                    : InitAudit.defaultInitializers();
            long samples = Options.longProp(props, "audit.samples");
            long seed = Options.longProp(props, "audit.seed");
            if (samples < 1) {
                throw new IllegalArgumentException("-Daudit.samples=" + samples + " is not valid; use 1 or more");
            }
            checks = new InitAudit(samples, seed, known).run(inits, AuditShape.DEFAULTS);
            subject = "initializers on standard shapes";
            markdown = AuditReport.markdown(checks, samples, seed);
            json = AuditReport.json(subject, checks, AuditReport.failures(checks), known(checks));
        }
        Path dir = outputDir(opts, "audit", RUN_ID.format(Instant.now()));
        writeReport(dir, "audit.md", markdown);
        try {
            Files.writeString(dir.resolve("audit.json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("audit.json") + ": " + e.getMessage(), e);
        }
        long fails = AuditReport.failures(checks);
        log.info("audit of {}: {} new and {} known deviation(s) in {} checks → {}", subject, fails, known(checks),
                checks.size(), dir.resolve("audit.md"));
        return fails == 0 ? EXIT_OK : EXIT_DEVIATION;
    }

    private static long known(List<InitAudit.Row> rows) {
        return rows.stream().filter(r -> r.verdict() == InitAudit.Verdict.KNOWN_DEVIATION).count();
    }
}
