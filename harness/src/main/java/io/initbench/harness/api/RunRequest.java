package io.initbench.harness.api;

import io.initbench.datasets.DatasetSettings;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.report.ColorScale;
import io.initbench.harness.spec.Shard;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.train.SuiteRunner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What one run takes: the options of the {@code run} command, typed. Build one with {@link #of}.
 *
 * @param suite      a built-in suite's name or a suite file (checked when the run loads it)
 * @param overrides  suite settings as the command line writes them ({@code seeds=1,2}, {@code epochs=1});
 *                   only keys of {@link SuiteLoader#OVERRIDES}
 * @param workDir    what relative paths resolve against
 * @param out        the run directory (an existing one is resumed); null: {@code results/<suite>/<run id>}
 *                   under {@code workDir}
 * @param datasets   where datasets are cached and fetched from, and how strictly they are verified; asked
 *                   for when the run reaches its datasets, so that a wrong suite or run directory is named
 *                   before a wrong mirror
 * @param workers    cells trained at once
 * @param threads    native threads per worker
 * @param layers     the layer implementations networks are built from
 * @param shard      the part of the grid this run trains
 * @param saveModels also save each trained network as {@code models/<cell id>.zip}
 * @param maxStarts  starts without a record after which a cell is recorded ERROR instead of retried
 * @param colorScale the heatmap colours of {@code report.html}
 */
public record RunRequest(String suite, Map<String, String> overrides, Path workDir, Path out,
                         Supplier<DatasetSettings> datasets, int workers, int threads, LayerPath layers, Shard shard,
                         boolean saveModels, int maxStarts, ColorScale colorScale) {
    public RunRequest {
        for (var e : Objects.requireNonNull(overrides, "overrides").entrySet()) {
            if (!SuiteLoader.OVERRIDES.containsKey(e.getKey())) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not a suite setting; valid: "
                        + String.join(", ", SuiteLoader.OVERRIDES.keySet()));
            }
            Objects.requireNonNull(e.getValue(), () -> "the value of override " + e.getKey());
        }
        overrides = Map.copyOf(overrides);
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(datasets, "datasets");
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(colorScale, "colorScale");
        if (workers < 1) {
            throw new IllegalArgumentException("workers=" + workers + " is not valid; use 1 or more");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads=" + threads + " is not valid; use 1 or more native threads"
                    + " per worker");
        }
        if (maxStarts < 1) {
            throw new IllegalArgumentException("-Dresume.maxStarts=" + maxStarts + " is not valid; use 1 or more");
        }
    }

    /** Cells trained at once unless asked otherwise: one per core. */
    public static int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Native threads per worker unless asked otherwise: the cores divided among the workers, at least 1. */
    public static int defaultThreads(int workers) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
    }

    /** A request for {@code suite} with the command line's defaults. */
    public static Builder of(String suite) {
        return new Builder(suite);
    }

    /** Fills a {@link RunRequest}; every setting but the suite has the command line's default. */
    public static final class Builder {
        private final String suite;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Path workDir = Path.of("").toAbsolutePath();
        private Path out;
        private Supplier<DatasetSettings> datasets = () -> DatasetSettings.from(Map.of(), System.getenv());
        private int workers = defaultWorkers();
        private Integer threads;
        private LayerPath layers = LayerPath.DEFAULT;
        private Shard shard = Shard.ALL;
        private boolean saveModels;
        private int maxStarts = SuiteRunner.MAX_STARTS;
        private ColorScale colorScale = ColorScale.DEFAULT;

        private Builder(String suite) {
            this.suite = suite;
        }

        /** One suite setting, e.g. {@code override("weightInit", "XAVIER,RELU")}. */
        public Builder override(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** The suite settings among {@code properties} (command-line options); the others are not this request's. */
        public Builder overrides(Map<String, String> properties) {
            properties.forEach((k, v) -> {
                if (SuiteLoader.OVERRIDES.containsKey(k)) {
                    overrides.put(k, v);
                }
            });
            return this;
        }

        /** The seeds axis. */
        public Builder seeds(long... seeds) {
            return override("seeds", Arrays.stream(seeds).mapToObj(Long::toString).collect(Collectors.joining(",")));
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public Builder out(Path dir) {
            this.out = dir;
            return this;
        }

        public Builder datasets(DatasetSettings settings) {
            Objects.requireNonNull(settings, "settings");
            return datasets(() -> settings);
        }

        /** Settings read when the run needs them (from options, whose mirror must exist by then). */
        public Builder datasets(Supplier<DatasetSettings> settings) {
            this.datasets = settings;
            return this;
        }

        /** Datasets from a mirror (a directory or URL), cached under {@code cacheDir}, strictly verified. */
        public Builder mirror(String mirror, Path cacheDir) {
            Map<String, String> options = Map.of(DatasetSettings.MIRROR_PROPERTY, mirror,
                    DatasetSettings.DIR_PROPERTY, cacheDir.toString());
            return datasets(() -> DatasetSettings.from(options, Map.of()));
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Native threads per worker; by default the cores divided among the workers. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder layers(LayerPath layers) {
            this.layers = layers;
            return this;
        }

        public Builder shard(Shard shard) {
            this.shard = shard;
            return this;
        }

        public Builder saveModels(boolean save) {
            this.saveModels = save;
            return this;
        }

        public Builder maxStarts(int starts) {
            this.maxStarts = starts;
            return this;
        }

        public Builder colorScale(ColorScale scale) {
            this.colorScale = scale;
            return this;
        }

        public RunRequest build() {
            return new RunRequest(suite, overrides, workDir, out, datasets, workers,
                    threads != null ? threads : defaultThreads(workers), layers, shard, saveModels, maxStarts,
                    colorScale);
        }
    }
}
