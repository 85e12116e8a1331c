package io.initbench.harness.bench;

import io.initbench.datasets.LoadedDataset;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.PreparedData;
import io.initbench.harness.train.SuiteRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the naive baseline (stock DL4J layers) and the harness on the same cells, the harness once on
 * stock and once on fast layers, interleaved {@code repeats} times (the two harness runs swap order
 * every repeat, so a drift in machine load does not favour one), plus the sgemm roofline; every
 * figure is the median over repeats.
 */
public final class Benchmark {
    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

    /**
     * The measured figures. Throughputs are training samples per wall second of the whole run. "harness"
     * is the harness on its default (fast) layers; "stockLayers" the same harness on DL4J's stock layers.
     */
    public record Result(String suite, List<String> cells, long samplesPerRun, int repeats, int cores, int workers,
                         int threadsPerWorker,
                         List<Double> naiveRuns, List<Double> harnessRuns, double naiveSamplesPerSecond,
                         double harnessSamplesPerSecond, double speedup, int gemmSize, double sgemmGflopsOneThread,
                         double sgemmGflopsAllThreads, Double trainingFlopsPerSample, Double naiveGflops,
                         Double harnessGflops, Double harnessRooflineFraction, int evalEvery,
                         Provenance provenance, List<Double> stockLayersRuns, double stockLayersSamplesPerSecond,
                         double fastOverStock, Double stockLayersRooflineFraction,
                         double stockLayersTrainingSamplesPerSecond, double fastLayersTrainingSamplesPerSecond) {
    }

    private final int cores;
    private final int workers;
    private final int threadsPerWorker;
    private final int repeats;
    private final int gemmSize;

    /**
     * @param cores            native threads of the naive loop (ND4J's default: all of them) and of the roofline
     * @param threadsPerWorker native threads of each harness worker
     */
    public Benchmark(int cores, int workers, int threadsPerWorker, int repeats, int gemmSize) {
        if (repeats < 1 || workers < 1 || cores < 1 || threadsPerWorker < 1 || gemmSize < 64) {
            throw new IllegalArgumentException("benchmark needs repeats, workers, threads, cores >= 1 and gemm size"
                    + " >= 64");
        }
        this.cores = cores;
        this.workers = workers;
        this.threadsPerWorker = threadsPerWorker;
        this.repeats = repeats;
        this.gemmSize = gemmSize;
    }

    /**
     * A fixed pseudo-random sample of n cells, in grid order. Not evenly spaced: grids are nested loops,
     * so a stride can land on one initializer every time (84 cells / 4 = 21 = one block of relu-vs-tanh).
     */
    public static List<CellSpec> pick(List<CellSpec> grid, int n) {
        if (n >= grid.size()) {
            return grid;
        }
        List<Integer> idx = new ArrayList<>(IntStream.range(0, grid.size()).boxed().toList());
        java.util.Collections.shuffle(idx, new java.util.Random(42));
        return idx.subList(0, n).stream().sorted().map(grid::get).toList();
    }

    public Result run(SuiteSpec suite, List<CellSpec> cells, LoadedDataset dataset, Provenance provenance,
                      Path scratch) throws InterruptedException {
        CellSpec first = cells.get(0);
        for (CellSpec c : cells) {
            if (!PreparedData.Key.of(c).equals(PreparedData.Key.of(first))) {
                throw new IllegalArgumentException("the benchmark needs cells on one dataset and subset; fix -Ddataset"
                        + " and -Dtrain.size/-Dtest.size");
            }
        }
        PreparedData naiveData = PreparedData.of(dataset, PreparedData.Key.of(first));
        long samples = cells.stream().mapToLong(c -> (long) c.training().epochs() * naiveData.trainCount()).sum();
        List<Double> naive = new ArrayList<>();
        Map<LayerPath, List<Double>> harness = new EnumMap<>(LayerPath.class);
        // the training steps alone (cells' trainSeconds): what one worker sustains, without evaluation and setup
        Map<LayerPath, List<Double>> steps = new EnumMap<>(LayerPath.class);
        for (int r = 0; r < repeats; r++) {
            NativeThreads.configure(cores); // ND4J's default: every core for every op
            long t0 = System.nanoTime();
            long done = NaiveBaseline.run(cells, naiveData);
            naive.add(done / ((System.nanoTime() - t0) / 1e9));
            NativeThreads.configure(threadsPerWorker);
            List<LayerPath> order = new ArrayList<>(List.of(LayerPath.values()));
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (LayerPath path : order) {
                Path dir = scratch.resolve("harness-" + path.key() + "-" + r);
                long t1 = System.nanoTime();
                List<CellRecord> records;
                try (RunStore store = RunStore.create(dir, suite, provenance)) {
                    records = new SuiteRunner(workers, null, path).run(suite.name(), cells,
                            IntStream.range(0, cells.size()).boxed().toList(), id -> dataset, store, provenance,
                            SuiteRunner.Listener.NONE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                harness.computeIfAbsent(path, p -> new ArrayList<>()).add(samples / ((System.nanoTime() - t1) / 1e9));
                steps.computeIfAbsent(path, p -> new ArrayList<>()).add(
                        records.stream().mapToDouble(c -> c.metrics().timing().samples()).sum()
                                / records.stream().mapToDouble(c -> c.metrics().timing().trainSeconds()).sum());
            }
            log.info("repeat {}/{}: naive {} samples/s, harness on stock layers {}, on fast layers {}", r + 1,
                    repeats, Math.round(naive.get(r)), Math.round(harness.get(LayerPath.STOCK).get(r)),
                    Math.round(harness.get(LayerPath.FAST).get(r)));
        }
        deleteQuietly(scratch);
        double one = Roofline.sgemmGflops(gemmSize, 1, 5);
        double all = Roofline.sgemmGflops(gemmSize, cores, 5);
        // every cell trains the same number of samples, so the mean per-sample cost is the run's; defined only
        // when every cell's shape is known before its data is read (built-in datasets)
        List<OptionalDouble> flops = cells.stream().map(TrainingFlops::perSample).toList();
        Double perSample = flops.stream().allMatch(OptionalDouble::isPresent)
                ? flops.stream().mapToDouble(OptionalDouble::getAsDouble).average().orElseThrow() : null;
        double a = median(naive);
        double b = median(harness.get(LayerPath.FAST));
        double s = median(harness.get(LayerPath.STOCK));
        return new Result(suite.name(), cells.stream().map(CellSpec::label).toList(), samples, repeats, cores, workers,
                threadsPerWorker, naive, harness.get(LayerPath.FAST), a, b, b / a, gemmSize, one, all, perSample,
                perSample == null ? null : a * perSample / 1e9, perSample == null ? null : b * perSample / 1e9,
                perSample == null ? null : b * perSample / 1e9 / all, first.training().evalEvery(),
                provenance, harness.get(LayerPath.STOCK), s, b / s,
                perSample == null ? null : s * perSample / 1e9 / all,
                median(steps.get(LayerPath.STOCK)), median(steps.get(LayerPath.FAST)));
    }

    static double median(List<Double> xs) {
        double[] v = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
