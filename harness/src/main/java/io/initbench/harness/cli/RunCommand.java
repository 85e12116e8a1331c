package io.initbench.harness.cli;

import io.initbench.datasets.DatasetLoader;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.DatasetSettings;
import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.report.ColorScale;
import io.initbench.harness.report.History;
import io.initbench.harness.report.Reports;
import io.initbench.harness.report.RunResults;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.ProvenanceCollector;
import io.initbench.harness.result.RunDirectories;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.train.MemoryBudget;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.SuiteRunner;
import io.initbench.harness.train.Tuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run}: loads the suite named by {@code -Dsuite}, trains every cell of this shard that the run
 * directory does not hold yet (a re-run with the same {@code -Dout} resumes), writes records and reports.
 */
final class RunCommand implements CommandHandler {
    /** The command line speaks with one voice in the log, whichever command runs. */
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Override
    public int execute(CommandContext ctx) throws InterruptedException {
        runSuite(ctx);
        return Cli.EXIT_OK;
    }

    private record Written(List<CellRecord> records, Map<String, String> reports) {
    }

    RunOutcome runSuite(CommandContext ctx) throws InterruptedException {
        Map<String, String> props = ctx.props();
        Options opts = ctx.options();
        ColorScale colorScale = ctx.colorScale();
        SuiteSpec suite = new SuiteLoader().load(opts.suite(), props);
        List<CellSpec> grid = Grid.cells(suite);
        NativeThreads.configure(opts.threads());
        Instant started = Instant.now();
        String runId = RunDirectories.runId(started, ctx.workDir()) + (opts.shard().isAll() ? "" : "-shard"
                + opts.shard().index() + "of" + opts.shard().count());
        Path dir = ctx.outputDir(opts, suite.name(), runId);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("-Dout=" + dir + " is a file, not a directory; pass -Dout=<directory>"
                    + " (a new one, or a run directory to resume)");
        }
        Written written = RunDirectories.locked(dir, "run into", lock -> {
            if (!lock.previousHolder().isEmpty()) {
                log.warn("{} was left locked by a process that died ({}); taking it over",
                        dir, lock.previousHolder().replace('\n', ' '));
            }
            // a cell refused for resources is no result: a resume (with more memory, fewer workers) retries it
            RunDirectories.Resume resume = RunDirectories.resume(dir, grid, suite, opts.shard(),
                    r -> r.status() == Status.ERROR && MemoryBudget.refused(r.reason()));
            Predicate<CellSpec> mine = c -> opts.shard().contains(suite.shardKey(c));
            // more workers than cells only divide the memory budget (and -Dworkers=100000 refused every cell)
            int workers = (int) Math.max(1, Math.min(opts.workers(), grid.stream().filter(mine).count()));
            if (workers < opts.workers()) {
                log.info("-Dworkers={} capped at {}: this run has no more cells than that", opts.workers(), workers);
            }
            // first the grid, or with tuning the tuning cells; the final cells follow once their rate is chosen
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < grid.size(); i++) {
                CellSpec c = grid.get(i);
                if (mine.test(c) && !resume.done().contains(c.id()) && suite.phaseOf(c) != CellPhase.TUNED) {
                    todo.add(i);
                }
            }
            List<CellSpec> cells = todo.stream().map(grid::get).toList();
            DatasetLoader loader = DatasetLoader.create(DatasetSettings.from(props, ctx.env()));
            Set<DatasetRef> ids = new LinkedHashSet<>();
            grid.stream().filter(mine).forEach(c -> ids.add(c.dataset()));
            List<LoadedDataset> datasets = new ArrayList<>();
            for (DatasetRef id : ids) {
                datasets.add(loader.load(id));
            }
            Provenance provenance = ProvenanceCollector.collect(suite.name(), resume.runId() != null ? resume.runId()
                    : runId, ctx.workDir(), datasets, workers, opts.threads(), started, opts.layers().key());
            if (!resume.records().isEmpty() || resume.tornBytes() > 0) {
                log.info("resuming run {} in {}: {} cell(s) recorded, {} to go{}", resume.runId(), dir,
                        resume.records().size(), cells.size(), resume.tornBytes() > 0 ? " (dropped a record torn by a"
                                + " crash, " + resume.tornBytes() + " bytes; that cell runs again)" : "");
            }
            log.info("suite {}: {} cells{} on {} worker(s) × {} native thread(s) → {}", suite.name(), cells.size(),
                    opts.shard().isAll() ? "" : " (shard " + opts.shard() + " of " + grid.size() + ")", workers,
                    opts.threads(), dir);
            List<CellRecord> records = new ArrayList<>(resume.records());
            int finalsToGo = 0;
            if (suite.tuning() != null) {
                long configs = grid.stream().filter(mine).map(CellSpec::tuningId).distinct().count();
                long finalsDone = resume.records().stream().filter(r -> r.phase() == CellPhase.TUNED).count();
                finalsToGo = (int) (configs * suite.axes().seed().size() - finalsDone);
            }
            try (RunStore store = RunStore.create(dir, suite, provenance, opts.shard());
                 Progress progress = new Progress(suite.name(), cells.size() + finalsToGo, System.console() != null)) {
                SuiteRunner runner = new SuiteRunner(workers, opts.saveModels() ? dir.resolve("models") : null,
                        opts.layers())
                        .maxStarts(Options.intProp(props, "resume.maxStarts", SuiteRunner.MAX_STARTS));
                records.addAll(runner.run(suite.name(), cells, todo, loader::load, store, provenance, progress,
                        suite::phaseOf));
                if (suite.tuning() != null) {
                    Set<String> done = new HashSet<>();
                    records.forEach(r -> done.add(r.cellId()));
                    List<Integer> finals = Tuning.decided(suite, records).stream()
                            .filter(i -> mine.test(grid.get(i)) && !done.contains(grid.get(i).id())).toList();
                    log.info("tuning done: {} final cell(s) at the chosen rates", finals.size());
                    records.addAll(runner.run(suite.name(), finals.stream().map(grid::get).toList(), finals,
                            loader::load, store, provenance, progress, suite::phaseOf));
                }
                return new Written(records, Reports.writeAll(new RunResults(suite, RunStore.readProvenance(dir),
                        records), store, colorScale));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
            }
        });
        History.update(dir, suite.name());
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        written.records().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        ctx.out().println(written.reports().get("matrix.md"));
        log.info("done: {} in {}  ({})", counts, dir, String.join(", ", written.reports().keySet()));
        return new RunOutcome(dir, written.records());
    }
}
