package io.initbench.harness.bench;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.train.CellTrainer;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.PreparedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains each {@link Workload} on stock and on fast layers, interleaved {@code repeats} times (the order
 * of the two swaps every repeat, so a drift in machine load favours neither), on one worker with
 * {@code threads} native threads, and measures the single-thread sgemm in the same process: how close each
 * training step comes to the hardware. Every figure is the median over repeats.
 */
public final class Benchmark {
    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

    /** The benchmark: its settings, the roofline and one result per workload. */
    public record Result(Settings settings, Roofline roofline, List<LayerProducts.Row> products,
                         List<WorkloadResult> workloads, Provenance provenance) {
        public Result {
            products = List.copyOf(products);
            workloads = List.copyOf(workloads);
        }
    }

    /**
     * @param maxSamples 0: each workload trains its suite's budget; else one epoch of this many images
     * @param repeats    runs per workload and layer path
     * @param threads    native threads of the one worker
     */
    public record Settings(int maxSamples, int repeats, int threads) {
    }

    /** The n×n×n sgemm rate on one native thread: the per-core ceiling of any training step here. */
    public record Roofline(int gemmSize, double sgemmGflopsOneThread) {
    }

    /** One workload: its FLOPs and the two layer paths' measurements. */
    public record WorkloadResult(String workload, String description, double trainingFlopsPerSample,
                                 PathResult stock, PathResult fast) {
        /** Fast over stock, training steps. */
        public double stepSpeedup() {
            return fast.stepSamplesPerSecond() / stock.stepSamplesPerSecond();
        }
    }

    /**
     * One layer path's runs and their medians.
     *
     * @param stepSamplesPerSecond  samples per second of the training steps alone (the cell's train time)
     * @param wholeSamplesPerSecond samples per second of the whole cell: set-up, evaluation and diagnostics too
     * @param evaluationShare       the share of the whole cell's time spent evaluating
     */
    public record PathResult(List<Double> stepRuns, List<Double> wholeRuns, double stepSamplesPerSecond,
                             double wholeSamplesPerSecond, double evaluationShare, double gflops,
                             double sgemmFraction) {
        public PathResult {
            stepRuns = List.copyOf(stepRuns);
            wholeRuns = List.copyOf(wholeRuns);
        }

        /** Whole-run rate over training-step rate. */
        public double wholeOverSteps() {
            return wholeSamplesPerSecond / stepSamplesPerSecond;
        }
    }

    /** Training steps of the unrecorded warm-up run per workload and layer path. */
    public static final int WARMUP_STEPS = 30;

    private final Settings settings;
    private final int gemmSize;

    public Benchmark(int samples, int repeats, int threads, int gemmSize) {
        if (samples < 0 || repeats < 1 || threads < 1 || gemmSize < 64) {
            throw new IllegalArgumentException("the benchmark needs -Dbench.samples of 0 (the suites' budgets) or"
                    + " more, -Dbench.repeats and -Dthreads of 1 or more and -Dbench.gemm of 64 or more");
        }
        this.settings = new Settings(samples, repeats, threads);
        this.gemmSize = gemmSize;
    }

    /** @param datasets the loaded dataset of each workload's {@link Workload#dataset()} */
    public Result run(List<Workload> workloads, Function<DatasetId, LoadedDataset> datasets, Provenance provenance) {
        NativeThreads.configure(settings.threads());
        Roofline roofline = new Roofline(gemmSize, SgemmRate.gflops(gemmSize, 1, 5));
        List<LayerProducts.Row> products = LayerProducts.measure();
        List<WorkloadResult> results = new ArrayList<>();
        for (Workload w : workloads) {
            CellSpec cell = w.cell(settings.maxSamples());
            LoadedDataset loaded = datasets.apply(w.dataset());
            PreparedData data = PreparedData.of(loaded, PreparedData.Key.of(cell));
            warmUp(w, cell.training().batchSize(), loaded);
            Map<LayerPath, List<Metrics.Timing>> runs = new EnumMap<>(LayerPath.class);
            for (int r = 0; r < settings.repeats(); r++) {
                List<LayerPath> order = new ArrayList<>(List.of(LayerPath.values()));
                if (r % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (LayerPath path : order) {
                    NativeThreads.configure(settings.threads());
                    CellTrainer.Outcome o = new CellTrainer(null, path).run(cell, data);
                    if (o.status() != Status.OK) {
                        throw new IllegalStateException("benchmark workload " + w.key() + " on " + path.key()
                                + " layers ended " + o.status() + ": " + o.reason());
                    }
                    runs.computeIfAbsent(path, p -> new ArrayList<>()).add(o.metrics().timing());
                }
                log.info("{} repeat {}/{}: training steps {} samples/s on stock layers, {} on fast", w.key(), r + 1,
                        settings.repeats(), Math.round(rate(last(runs.get(LayerPath.STOCK)))),
                        Math.round(rate(last(runs.get(LayerPath.FAST)))));
            }
            double flops = TrainingFlops.perSample(cell).orElseThrow();
            results.add(new WorkloadResult(w.key(), w.description(), flops,
                    path(runs.get(LayerPath.STOCK), flops, roofline), path(runs.get(LayerPath.FAST), flops, roofline)));
        }
        return new Result(settings, roofline, products, results, provenance);
    }

    /**
     * One unrecorded short run per layer path before the measured ones. Without it the first measured run
     * of a workload pays for the JIT compiling that workload's own code (BatchNorm's loops, say, which
     * the workload before it never ran; one bench run measured the fast MLP + BN at 19.6k, 32.2k and 39.5k
     * samples/s over its three repeats), and a median of three would depend on what ran before.
     */
    private void warmUp(Workload w, int batchSize, LoadedDataset loaded) {
        CellSpec warm = w.cell(WARMUP_STEPS * batchSize);
        PreparedData data = PreparedData.of(loaded, PreparedData.Key.of(warm));
        for (LayerPath path : LayerPath.values()) {
            NativeThreads.configure(settings.threads());
            new CellTrainer(null, path).run(warm, data);
        }
    }

    static PathResult path(List<Metrics.Timing> timings, double flopsPerSample, Roofline roofline) {
        List<Double> steps = timings.stream().map(Benchmark::rate).toList();
        List<Double> whole = timings.stream().map(t -> t.samples() / t.wallSeconds()).toList();
        double share = median(timings.stream().map(t -> t.evalSeconds() / t.wallSeconds()).toList());
        double step = median(steps);
        double gflops = step * flopsPerSample / 1e9;
        return new PathResult(steps, whole, step, median(whole), share, gflops, gflops / roofline.sgemmGflopsOneThread());
    }

    private static double rate(Metrics.Timing t) {
        return t.samples() / t.trainSeconds();
    }

    private static <T> T last(List<T> xs) {
        return xs.get(xs.size() - 1);
    }

    static double median(List<Double> xs) {
        double[] v = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
