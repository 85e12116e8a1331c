package io.initbench.harness.cli;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetLoader;
import io.initbench.datasets.DatasetSettings;
import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.audit.AuditReport;
import io.initbench.harness.bench.Benchmark;
import io.initbench.harness.result.ResultJson;
import io.initbench.harness.audit.AuditShape;
import io.initbench.harness.audit.InitAudit;
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
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.SuiteException;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.SuiteRunner;
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
        String command = args.length > 0 ? args[0] : props.getOrDefault("command", "run");
        try {
            return execute(command);
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
            default -> throw new IllegalArgumentException("unknown command '" + command
                    + "'; available: run, report, compare, merge, audit, bench");
        };
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
        Resume resume = Resume.of(dir, grid);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            if (opts.shard().contains(grid.get(i)) && !resume.done().contains(grid.get(i).id())) {
                todo.add(i);
            }
        }
        List<CellSpec> cells = todo.stream().map(grid::get).toList();
        DatasetLoader loader = DatasetLoader.create(DatasetSettings.from(props, env));
        Set<DatasetId> ids = new LinkedHashSet<>();
        cells.forEach(c -> ids.add(c.dataset()));
        List<LoadedDataset> datasets = new ArrayList<>();
        for (DatasetId id : ids) {
            datasets.add(loader.load(id));
        }
        Provenance provenance = ProvenanceCollector.collect(suite.name(), resume.runId() != null ? resume.runId()
                : runId, workDir, datasets, opts.workers(), opts.threads(), started);
        if (!resume.records().isEmpty() || resume.tornBytes() > 0) {
            log.info("resuming run {} in {}: {} cell(s) recorded, {} to go{}", resume.runId(), dir,
                    resume.records().size(), cells.size(), resume.tornBytes() > 0 ? " (dropped a record torn by a crash,"
                            + " " + resume.tornBytes() + " bytes; that cell runs again)" : "");
        }
        log.info("suite {}: {} cells{} on {} worker(s) × {} native thread(s) → {}", suite.name(), cells.size(),
                opts.shard().isAll() ? "" : " (shard " + opts.shard() + " of " + grid.size() + ")", opts.workers(),
                opts.threads(), dir);
        List<CellRecord> records = new ArrayList<>(resume.records());
        Map<String, String> reports;
        try (RunStore store = RunStore.create(dir, suite, provenance);
             Progress progress = new Progress(suite.name(), cells.size(), System.console() != null)) {
            records.addAll(new SuiteRunner(opts.workers(), opts.saveModels() ? dir.resolve("models") : null)
                    .run(suite.name(), cells, todo, loader::load, store, provenance, progress));
            reports = Reports.writeAll(new RunResults(suite, RunStore.readProvenance(dir), records), store, colorScale);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
        History.update(dir, suite.name());
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        records.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        out.println(reports.get("matrix.md"));
        log.info("done: {} in {}  ({})", counts, dir, String.join(", ", reports.keySet()));
        return new RunOutcome(dir, records);
    }

    /** {@code -Dreport.colorScale}, read before any work so that a misspelt value costs nothing. */
    private ColorScale colorScale() {
        return ColorScale.parse(props.get(ColorScale.OPTION));
    }

    /** What an existing run directory already holds (nothing for a new directory). */
    private record Resume(String runId, List<CellRecord> records, Set<String> done, long tornBytes) {
        static Resume of(Path dir, List<CellSpec> grid) {
            try {
                RunStore.Contents c = RunStore.read(dir);
                boolean started = Files.exists(dir.resolve(RunStore.METADATA));
                if (c.records().isEmpty() && c.tornBytes() == 0) {
                    // started before (killed before its first cell finished) or new
                    return new Resume(started ? RunStore.readProvenance(dir).runId() : null, List.of(), Set.of(), 0);
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
                return new Resume(RunStore.readProvenance(dir).runId(), c.records(), done, c.tornBytes());
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
            try (RunStore store = RunStore.reopen(dir)) {
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
            double accTol = Options.doubleProp(props, "compare.accuracyTolerance", 0.005);
            double speedTol = Options.doubleProp(props, "compare.speedTolerance", 0.10);
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
        ColorScale colorScale = colorScale();
        try {
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
                for (CellRecord r : RunStore.readCells(d)) {
                    Path other = from.putIfAbsent(r.cellId(), d);
                    if (other != null) {
                        throw new IllegalArgumentException("cell " + r.cellId() + " (" + r.cell().label() + ") is in both "
                                + other + " and " + d + "; shards must not overlap (same -Dshard=i/n twice?)");
                    }
                    records.add(r);
                }
            }
            List<CellSpec> grid = Grid.cells(suite);
            List<CellSpec> missing = grid.stream().filter(c -> !from.containsKey(c.id())).toList();
            if (!missing.isEmpty() && !Boolean.parseBoolean(props.getOrDefault("merge.partial", "false"))) {
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
            throw new UncheckedIOException(e.getMessage(), e);
        }
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
        int count = Options.intProp(props, "bench.cells", 4);
        int repeats = Options.intProp(props, "bench.repeats", 3);
        int gemm = Options.intProp(props, "bench.gemm", 2048);
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
                opts.workers(), opts.threads(), started);
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
     * Audits the initializers of {@code -Dsuite} (or {@code -DweightInit}, or all of them) on the
     * standard shapes. Exit code 1 when any initializer deviates from its claim.
     */
    public int audit() {
        Options opts = Options.from(props);
        List<InitSpec> inits;
        if (props.get("suite") != null) {
            inits = new SuiteLoader().load(props.get("suite"), props).axes().weightInit();
        } else if (props.get("weightInit") != null) {
            inits = SuiteLoader.splitTopLevel(props.get("weightInit")).stream().map(InitSpec::parse).toList();
        } else {
            inits = InitAudit.defaultInitializers();
        }
        long samples = Options.longProp(props, "audit.samples", 2_000_000);
        long seed = Options.longProp(props, "audit.seed", 42);
        if (samples < 1) {
            throw new IllegalArgumentException("-Daudit.samples=" + samples + " is not valid; use 1 or more");
        }
        NativeThreads.configure(opts.threads());
        List<InitAudit.Row> rows = new InitAudit(samples, seed).run(inits, AuditShape.DEFAULTS);
        Path dir = outputDir(opts, "audit", RUN_ID.format(Instant.now()));
        writeReport(dir, "audit.md", AuditReport.markdown(rows, samples, seed));
        long fails = rows.stream().filter(r -> r.verdict() == InitAudit.Verdict.FAIL).count();
        log.info("audit: {} deviation(s) in {} checks → {}", fails, rows.size(), dir.resolve("audit.md"));
        return fails == 0 ? EXIT_OK : EXIT_DEVIATION;
    }
}
