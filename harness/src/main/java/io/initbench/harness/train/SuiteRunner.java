package io.initbench.harness.train;

import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Diagnostics;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.result.Status;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs cells on a fixed pool of worker threads. Data for every (dataset, subset, normalisation) the
 * cells need is prepared once, up front, on the calling thread: a dataset problem fails the run before
 * any cell starts, and no worker ever parses a file. Each finished cell is appended to the store at
 * once; a failure to write stops the run but never touches records already written.
 */
public final class SuiteRunner {

    /** Hears about progress; called from worker threads. Both methods default to doing nothing. */
    public interface Listener {
        /** For callers that only want the records. */
        Listener NONE = new Listener() {
        };

        default void cellStarted(CellSpec cell, int index) {
        }

        default void cellFinished(CellRecord record, int done, int total) {
        }
    }

    /** Trains one cell; {@link CellTrainer#run} in production, a fault injector in tests. */
    @FunctionalInterface
    interface Trainer {
        CellTrainer.Outcome run(CellSpec cell, PreparedData data);
    }

    /**
     * By default a cell the process died in this often (journal lines without a record) is recorded ERROR
     * instead of trained again: one retry covers a kill that had nothing to do with the cell. The journal
     * cannot tell an outside kill from one the cell caused, so a job that is killed again and again (a
     * preemptible queue, the kill/resume check) raises it with {@code -Dresume.maxStarts}.
     */
    public static final int MAX_STARTS = 2;

    private final int workers;
    private final Trainer trainer;
    private int maxStarts = MAX_STARTS;

    public SuiteRunner(int workers) {
        this(workers, (Path) null);
    }

    /** @param modelsDir save every trained network there (for PRETRAINED); null = don't */
    public SuiteRunner(int workers, Path modelsDir) {
        this(workers, modelsDir, LayerPath.selected());
    }

    /** @param layers the layer implementations networks are built from */
    public SuiteRunner(int workers, Path modelsDir, LayerPath layers) {
        this(workers, new CellTrainer(modelsDir, layers)::run);
    }

    SuiteRunner(int workers, Trainer trainer) {
        this.trainer = trainer;
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers + "; pass -Dworkers=1 or more");
        }
        this.workers = workers;
    }

    /** How many starts without a record make a cell ERROR instead of starting it again (at least 1). */
    public SuiteRunner maxStarts(int starts) {
        if (starts < 1) {
            throw new IllegalArgumentException("-Dresume.maxStarts=" + starts + " is not valid; use 1 or more");
        }
        this.maxStarts = starts;
        return this;
    }

    /**
     * The shutdown hook's work: journals every cell still in flight as stopped. Runs only when the JVM
     * shuts down in an orderly way; a SIGKILL or a crash runs no hook, and those starts keep counting.
     */
    static void journalStopped(RunStore store, Set<String> inFlight) {
        for (String id : List.copyOf(inFlight)) {
            try {
                store.markStopped(id);
            } catch (java.io.IOException | RuntimeException e) {
                // the journal cannot be written (disk full, closed): the cell counts as died in, as before
            }
        }
    }

    /** The record of a cell whose every start killed the process. */
    static CellTrainer.Outcome died(int times) {
        return new CellTrainer.Outcome(Status.ERROR, "the process died during this cell " + times + " times (a"
                + " SIGKILL, the kernel's OOM killer, which ends the JVM without a Java error, or a crash; an orderly"
                + " stop such as SIGTERM or Ctrl-C does not count), so it was not started again. If memory ran out,"
                + " raise the memory it may use (the machine's or container's memory, -Xmx,"
                + " -Dorg.bytedeco.javacpp.maxbytes), run fewer -Dworkers, or remove the cell from the suite; to"
                + " retry it, delete its record and its 'started' lines in " + RunStore.JOURNAL + " (a job that is"
                + " killed from outside again and again: raise -Dresume.maxStarts)", null,
                Metrics.none(0), List.of(), Diagnostics.none());
    }

    /**
     * @param cells    the grid, in grid order; {@code indices} gives each cell's position in the full grid
     * @param datasets loads a dataset (once per run: the caller's loader caches)
     * @return the records of this run's cells, in grid order
     */
    public List<CellRecord> run(String suite, List<CellSpec> cells, List<Integer> indices,
                                Function<DatasetRef, LoadedDataset> datasets,
                                RunStore store, Provenance provenance, Listener listener)
            throws InterruptedException {
        return run(suite, cells, indices, datasets, store, provenance, listener, c -> CellPhase.GRID);
    }

    /** @param phases what each cell is for (recorded with it) */
    public List<CellRecord> run(String suite, List<CellSpec> cells, List<Integer> indices,
                                Function<DatasetRef, LoadedDataset> datasets,
                                RunStore store, Provenance provenance, Listener listener,
                                Function<CellSpec, CellPhase> phases)
            throws InterruptedException {
        Map<PreparedData.Key, PreparedData> data = new LinkedHashMap<>();
        for (CellSpec c : cells) {
            data.computeIfAbsent(PreparedData.Key.of(c), k -> PreparedData.of(datasets.apply(k.dataset()), k));
        }
        Map<String, Integer> starts;
        try {
            starts = RunStore.starts(store.dir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + store.dir().resolve(RunStore.JOURNAL) + ": "
                    + e.getMessage(), e);
        }
        MemoryBudget budget = MemoryBudget.ofThisJvm(workers);
        // cells between their "started" line and their record: an orderly stop (SIGTERM, SIGINT, Ctrl-C)
        // journals them as stopped, so that only a death (SIGKILL, the OOM killer, a crash) counts against them
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        Thread onStop = new Thread(() -> journalStopped(store, inFlight), "initbench-orderly-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        List<CellRecord> records = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger workerIds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(() -> {
                NativeThreads.applyToThisThread();
                r.run();
            }, "worker-" + workerIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                CellSpec cell = cells.get(i);
                int index = indices.get(i);
                futures.add(pool.submit(() -> {
                    listener.cellStarted(cell, index);
                    Instant started = Instant.now();
                    CellTrainer.Outcome o;
                    int diedIn = starts.getOrDefault(cell.id(), 0);
                    String tooBig = diedIn >= maxStarts ? null
                            : budget.check(cell, data.get(PreparedData.Key.of(cell)).source().shape());
                    if (diedIn >= maxStarts) {
                        o = died(diedIn);
                    } else if (tooBig != null) {
                        o = new CellTrainer.Outcome(Status.ERROR, tooBig, null, Metrics.none(0), List.of(),
                                Diagnostics.none());
                    } else {
                        inFlight.add(cell.id());
                        store.markStarted(cell.id());
                        try {
                            o = trainer.run(cell, data.get(PreparedData.Key.of(cell)));
                        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                            // whatever escapes the trainer is that cell's failure, never the suite's
                            o = CellTrainer.error(e, System.nanoTime());
                        }
                    }
                    CellRecord record = new CellRecord(CellRecord.FORMAT_VERSION,
                            new CellRecord.Identity(cell.id(), index, suite, provenance.run().runId(), cell,
                                    phases.apply(cell)),
                            new CellRecord.Outcome(o.status(), o.reason(), o.error(), LossBound.RULE),
                            o.metrics(), o.curve(), o.diagnostics(),
                            new CellRecord.Execution(started.toString(), Instant.now().toString(),
                                    Thread.currentThread().getName()),
                            provenance);
                    store.append(record);
                    inFlight.remove(cell.id());
                    records.add(record);
                    listener.cellFinished(record, done.incrementAndGet(), cells.size());
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    Throwable cause = e.getCause();
                    throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) and journals what is still in flight
            }
        }
        List<CellRecord> sorted = new ArrayList<>(records);
        sorted.sort(CellRecord.GRID_ORDER);
        return sorted;
    }
}
