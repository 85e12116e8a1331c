package io.initbench.harness.bench;

import io.initbench.datasets.LoadedDataset;
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
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the naive baseline and the harness on the same cells, alternating, {@code repeats} times, plus
 * the sgemm roofline; every figure is the median over repeats.
 */
public final class Benchmark {
    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

    /** The measured figures. Throughputs are training samples per wall second of the whole run. */
    public record Result(String suite, List<String> cells, long samplesPerRun, int repeats, int cores, int workers,
                         int threadsPerWorker,
                         List<Double> naiveRuns, List<Double> harnessRuns, double naiveSamplesPerSecond,
                         double harnessSamplesPerSecond, double speedup, int gemmSize, double sgemmGflopsOneThread,
                         double sgemmGflopsAllThreads, Double trainingFlopsPerSample, Double naiveGflops,
                         Double harnessGflops, Double harnessRooflineFraction, int evalEvery,
                         Provenance provenance) {
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
            if (!c.dataset().equals(first.dataset()) || c.training().trainSize() != first.training().trainSize()
                    || c.training().testSize() != first.training().testSize()) {
                throw new IllegalArgumentException("the benchmark needs cells on one dataset and subset; fix -Ddataset"
                        + " and -Dtrain.size/-Dtest.size");
            }
        }
        PreparedData naiveData = PreparedData.of(dataset, first.training().trainSize(), first.training().testSize(),
                first.training().normalization());
        long samples = cells.stream().mapToLong(c -> (long) c.training().epochs() * naiveData.trainCount()).sum();
        List<Double> naive = new ArrayList<>();
        List<Double> harness = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            NativeThreads.configure(cores); // ND4J's default: every core for every op
            long t0 = System.nanoTime();
            long done = NaiveBaseline.run(cells, naiveData);
            naive.add(done / ((System.nanoTime() - t0) / 1e9));
            NativeThreads.configure(threadsPerWorker);
            Path dir = scratch.resolve("harness-" + r);
            long t1 = System.nanoTime();
            try (RunStore store = RunStore.create(dir, suite, provenance)) {
                new SuiteRunner(workers).run(suite.name(), cells, IntStream.range(0, cells.size()).boxed().toList(),
                        id -> dataset, store, provenance, SuiteRunner.Listener.NONE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            harness.add(samples / ((System.nanoTime() - t1) / 1e9));
            log.info("repeat {}/{}: naive {} samples/s, harness {} samples/s", r + 1, repeats,
                    Math.round(naive.get(r)), Math.round(harness.get(r)));
        }
        deleteQuietly(scratch);
        double one = Roofline.sgemmGflops(gemmSize, 1, 5);
        double all = Roofline.sgemmGflops(gemmSize, cores, 5);
        List<OptionalDouble> flops = cells.stream().map(TrainingFlops::perSample).toList();
        double a = median(naive);
        double b = median(harness);
        // defined only when every cell is an MLP
        Double perSample = flops.stream().allMatch(OptionalDouble::isPresent)
                ? flops.stream().mapToDouble(OptionalDouble::getAsDouble).average().orElseThrow() : null;
        return new Result(suite.name(), cells.stream().map(CellSpec::label).toList(), samples, repeats, cores, workers,
                threadsPerWorker, naive, harness, a, b, b / a, gemmSize, one, all, perSample,
                perSample == null ? null : a * perSample / 1e9, perSample == null ? null : b * perSample / 1e9,
                perSample == null ? null : b * perSample / 1e9 / all, first.training().evalEvery(), provenance);
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

    /** The result as a short Markdown report. */
    public static String markdown(Result r) {
        StringBuilder sb = new StringBuilder("# Benchmark: ").append(r.suite()).append("\n\n");
        sb.append(String.format(java.util.Locale.ROOT, "%d cells, %d training samples per run, median of %d runs,"
                + " %d cores; harness: %d workers × %d native thread(s); naive: %d native threads. Both evaluate on"
                + " the full test split; the harness every %s, plus once before training, and it records its"
                + " diagnostics.%n%n", r.cells().size(), r.samplesPerRun(), r.repeats(), r.cores(), r.workers(),
                r.threadsPerWorker(), r.cores(), r.evalEvery() == 0 ? "epoch (as the naive loop)"
                        : r.evalEvery() + " iterations"));
        sb.append("| measure | value |\n|---|---:|\n");
        row(sb, "(a) naive DL4J loop, samples/s", "%.0f", r.naiveSamplesPerSecond());
        row(sb, "(b) initbench harness, samples/s", "%.0f", r.harnessSamplesPerSecond());
        row(sb, "b / a", "%.2f×", r.speedup());
        row(sb, "(c) sgemm " + r.gemmSize() + "³, 1 thread, GFLOP/s", "%.1f", r.sgemmGflopsOneThread());
        row(sb, "(c) sgemm " + r.gemmSize() + "³, " + r.cores() + " threads (roofline), GFLOP/s", "%.1f",
                r.sgemmGflopsAllThreads());
        if (r.trainingFlopsPerSample() != null) {
            row(sb, "training GEMM FLOPs per sample (6·Σ nIn·nOut)", "%.3g", r.trainingFlopsPerSample());
            row(sb, "(a) achieved GFLOP/s", "%.2f", r.naiveGflops());
            row(sb, "(b) achieved GFLOP/s", "%.2f", r.harnessGflops());
            row(sb, "(b) fraction of the roofline", "%.1f %%", 100 * r.harnessRooflineFraction());
        }
        sb.append("\nruns (samples/s): naive ").append(r.naiveRuns().stream().map(v -> String.format(
                java.util.Locale.ROOT, "%.0f", v)).toList()).append(", harness ").append(r.harnessRuns().stream()
                .map(v -> String.format(java.util.Locale.ROOT, "%.0f", v)).toList()).append("\n\ncells:\n");
        r.cells().forEach(c -> sb.append("- ").append(c).append('\n'));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String fmt, double v) {
        sb.append("| ").append(name).append(" | ").append(String.format(java.util.Locale.ROOT, fmt, v)).append(" |\n");
    }
}
