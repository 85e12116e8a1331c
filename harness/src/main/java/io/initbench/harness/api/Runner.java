package io.initbench.harness.api;

import io.initbench.datasets.DatasetLoader;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.report.History;
import io.initbench.harness.report.Reports;
import io.initbench.harness.result.RunResults;
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
import io.initbench.harness.stats.Tuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a suite: loads it, trains every cell of the shard that the run directory does not hold yet (a
 * run into an existing directory resumes it), writes records and reports, and returns what was recorded.
 */
public final class Runner {
    /** The run logs as the command line always has, whichever entry point started it. */
    private static final Logger log = LoggerFactory.getLogger("io.initbench.harness.cli.Cli");

    private final RunRequest request;
    private RunListener.Factory progress = (suite, cells) -> RunListener.NONE;

    public Runner(RunRequest request) {
        this.request = Objects.requireNonNull(request, "request");
    }

    /** Where the run reports its cells as they start and finish (by default nowhere). */
    public Runner progress(RunListener.Factory factory) {
        this.progress = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * What a run wrote and recorded.
     *
     * @param records the run directory's records of this shard: those it held already (a resumed run), in
     *                the order they were written, then this run's, in grid order
     * @param reports the reports written, by file name
     */
    public record Outcome(Path dir, List<CellRecord> records, Map<String, String> reports) {
        public Outcome {
            records = List.copyOf(records);
            // in the order written, which the log names them in
            reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
        }

        /** How many records have each status. */
        public Map<Status, Integer> counts() {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            records.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
            return counts;
        }
    }

    private record Written(List<CellRecord> records, Map<String, String> reports) {
    }

    public Outcome run() throws InterruptedException {
        RunRequest opts = request;
        SuiteSpec suite = new SuiteLoader().load(opts.suite(), opts.overrides());
        List<CellSpec> grid = Grid.cells(suite);
        NativeThreads.configure(opts.threads());
        Instant started = Instant.now();
        String runId = RunDirectories.runId(started, opts.workDir()) + (opts.shard().isAll() ? "" : "-shard"
                + opts.shard().index() + "of" + opts.shard().count());
        Path dir = opts.out() != null ? opts.workDir().resolve(opts.out())
                : opts.workDir().resolve("results").resolve(suite.name()).resolve(runId);
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
                if (mine.test(c) && !resume.done().contains(c.id()) && Tuning.initial(suite, c)) {
                    todo.add(i);
                }
            }
            List<CellSpec> cells = todo.stream().map(grid::get).toList();
            DatasetLoader loader = DatasetLoader.create(opts.datasets().get());
            Set<DatasetRef> ids = new LinkedHashSet<>();
            grid.stream().filter(mine).forEach(c -> ids.add(c.dataset()));
            List<LoadedDataset> datasets = new ArrayList<>();
            for (DatasetRef id : ids) {
                datasets.add(loader.load(id));
            }
            Provenance provenance = ProvenanceCollector.collect(suite.name(), resume.runId() != null ? resume.runId()
                    : runId, opts.workDir(), datasets, workers, opts.threads(), started, opts.layers().key());
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
                // configurations whose rate an override fixes are grid cells, already counted in cells
                long configs = grid.stream().filter(mine).filter(c -> suite.phaseOf(c) != CellPhase.GRID)
                        .map(CellSpec::tuningId).distinct().count();
                long finalsDone = resume.records().stream().filter(r -> r.phase() == CellPhase.TUNED).count();
                finalsToGo = (int) (configs * suite.axes().seed().size() - finalsDone);
            }
            try (RunStore store = RunStore.create(dir, suite, provenance, opts.shard());
                 RunListener listener = progress.open(suite.name(), cells.size() + finalsToGo)) {
                SuiteRunner runner = new SuiteRunner(workers, opts.saveModels() ? dir.resolve("models") : null,
                        opts.layers())
                        .maxStarts(opts.maxStarts());
                records.addAll(runner.run(suite.name(), cells, todo, loader::load, store, provenance, listener,
                        suite::phaseOf));
                // with tuning, each round's records decide the next: extension rates for configurations whose
                // choice sits at an edge, final seeds for those decided; until a round adds nothing
                while (suite.tuning() != null) {
                    Set<String> done = new HashSet<>();
                    records.forEach(r -> done.add(r.cellId()));
                    List<Integer> next = Tuning.decided(suite, records).stream()
                            .filter(i -> mine.test(grid.get(i)) && !done.contains(grid.get(i).id())).toList();
                    if (next.isEmpty()) {
                        break;
                    }
                    long extension = next.stream().filter(i -> suite.phaseOf(grid.get(i)) == CellPhase.TUNING).count();
                    log.info("tuning: {} final cell(s) at the chosen rates, {} tuning cell(s) beyond a grid edge",
                            next.size() - extension, extension);
                    List<CellRecord> round = runner.run(suite.name(), next.stream().map(grid::get).toList(), next,
                            loader::load, store, provenance, listener, suite::phaseOf);
                    if (round.isEmpty()) {
                        break;
                    }
                    records.addAll(round);
                }
                return new Written(records, Reports.writeAll(new RunResults(suite, RunStore.readProvenance(dir),
                        records), store, opts.colorScale()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
            }
        });
        History.update(dir, suite.name());
        return new Outcome(dir, written.records(), written.reports());
    }
}
