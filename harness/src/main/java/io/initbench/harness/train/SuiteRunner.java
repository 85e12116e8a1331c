package io.initbench.harness.train;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.LoadedDataset;
import io.initbench.datasets.Normalization;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.spec.CellSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Key of one prepared copy of the data. */
    private record DataKey(DatasetId dataset, int trainSize, int testSize, Normalization normalization) {
        static DataKey of(CellSpec c) {
            return new DataKey(c.dataset(), c.training().trainSize(), c.training().testSize(),
                    c.training().normalization());
        }
    }

    /** Trains one cell; {@link CellTrainer#run} in production, a fault injector in tests. */
    @FunctionalInterface
    interface Trainer {
        CellTrainer.Outcome run(CellSpec cell, PreparedData data);
    }

    private final int workers;
    private final Trainer trainer;

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

    /**
     * @param cells    the grid, in grid order; {@code indices} gives each cell's position in the full grid
     * @param datasets loads a dataset (once per run: the caller's loader caches)
     * @return the records of this run's cells, in grid order
     */
    public List<CellRecord> run(String suite, List<CellSpec> cells, List<Integer> indices,
                                Function<DatasetId, LoadedDataset> datasets,
                                RunStore store, Provenance provenance, Listener listener)
            throws InterruptedException {
        Map<DataKey, PreparedData> data = new LinkedHashMap<>();
        for (CellSpec c : cells) {
            data.computeIfAbsent(DataKey.of(c), k ->
                    PreparedData.of(datasets.apply(k.dataset()), k.trainSize(), k.testSize(), k.normalization()));
        }
        List<CellRecord> records = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger workerIds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "worker-" + workerIds.incrementAndGet());
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
                    try {
                        o = trainer.run(cell, data.get(DataKey.of(cell)));
                    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                        // whatever escapes the trainer is that cell's failure, never the suite's
                        o = CellTrainer.error(e, System.nanoTime());
                    }
                    CellRecord record = new CellRecord(CellRecord.FORMAT_VERSION, cell.id(), index, suite,
                            provenance.runId(), cell, o.status(), o.reason(), o.error(), o.metrics(), o.curve(), o.diagnostics(),
                            started.toString(), Instant.now().toString(), Thread.currentThread().getName(), provenance);
                    store.append(record);
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
        }
        List<CellRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingInt(CellRecord::index));
        return sorted;
    }
}
