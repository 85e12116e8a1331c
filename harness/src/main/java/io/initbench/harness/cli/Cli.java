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
import java.util.stream.IntStream;
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
    /** The audit found an initializer that does not do what its name says. */
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

    public int run(String[] args) {
        String command = args.length > 0 ? args[0] : props.getOrDefault("command", "run");
        try {
            return switch (command) {
                case "run" -> {
                    runSuite();
                    yield EXIT_OK;
                }
                case "audit" -> audit();
                case "bench" -> bench();
                default -> throw new IllegalArgumentException("unknown command '" + command
                        + "'; available: run, audit, bench");
            };
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

    /** Loads the suite named by {@code -Dsuite}, trains every cell, writes records and reports. */
    public RunOutcome runSuite() throws InterruptedException {
        Options opts = Options.from(props);
        SuiteSpec suite = new SuiteLoader().load(opts.suite(), props);
        List<CellSpec> cells = Grid.cells(suite);
        NativeThreads.configure(opts.threads());
        DatasetLoader loader = DatasetLoader.create(DatasetSettings.from(props, env));
        Set<DatasetId> ids = new LinkedHashSet<>();
        cells.forEach(c -> ids.add(c.dataset()));
        List<LoadedDataset> datasets = new ArrayList<>();
        for (DatasetId id : ids) {
            datasets.add(loader.load(id));
        }
        Instant started = Instant.now();
        String runId = runId(started);
        Path dir = outputDir(opts, suite.name(), runId);
        refuseNonEmpty(dir);
        Provenance provenance = ProvenanceCollector.collect(suite.name(), runId, workDir, datasets, opts.workers(),
                opts.threads(), started);
        log.info("suite {}: {} cells on {} worker(s) × {} native thread(s) → {}", suite.name(), cells.size(),
                opts.workers(), opts.threads(), dir);
        List<CellRecord> records;
        Map<String, String> reports;
        try (RunStore store = RunStore.create(dir, suite, provenance);
             Progress progress = new Progress(suite.name(), cells.size(), System.console() != null)) {
            records = new SuiteRunner(opts.workers(), opts.saveModels() ? dir.resolve("models") : null).run(suite.name(), cells,
                    IntStream.range(0, cells.size()).boxed().toList(), loader::load, store, provenance, progress);
            reports = Reports.writeAll(new RunResults(suite, provenance, records), store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        records.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        out.println(reports.get("matrix.md"));
        log.info("done: {} in {}  (cells.jsonl, matrix.csv, matrix.md)", counts, dir);
        return new RunOutcome(dir, records);
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

    private static void refuseNonEmpty(Path dir) {
        Path cells = dir.resolve(RunStore.CELLS);
        try {
            if (Files.exists(cells) && Files.size(cells) > 0) {
                throw new IllegalArgumentException("run directory " + dir + " already holds results; pass a new -Dout="
                        + " or leave -Dout unset for a fresh results/<suite>/<run-id>/");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cells + ": " + e.getMessage(), e);
        }
    }
}
