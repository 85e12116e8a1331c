package io.initbench.harness.cli;

import static io.initbench.harness.cli.Command.AUDIT;
import static io.initbench.harness.cli.Command.BENCH;
import static io.initbench.harness.cli.Command.COMPARE;
import static io.initbench.harness.cli.Command.HELP;
import static io.initbench.harness.cli.Command.MERGE;
import static io.initbench.harness.cli.Command.REPORT;
import static io.initbench.harness.cli.Command.RUN;

import io.initbench.datasets.DatasetSettings;
import io.initbench.harness.api.RunRequest;
import io.initbench.harness.bench.Workload;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.report.ColorScale;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Parameter;
import io.initbench.harness.spec.Shard;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.TrainingSettings;
import io.initbench.harness.train.SuiteRunner;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every {@code -D} option of initbench, declared once, typed: the commands read them as
 * {@code ctx.get(Options.WORKERS)} (an option with a default) or {@code ctx.find(Options.SUITE)} (one
 * without), and {@link OptionRegistry} derives help, the manual's option table, the jar's flags and the
 * misspelling check from {@link #ALL}, in this order.
 *
 * <p>The suite overrides ({@code -Depochs}, {@code -DweightInit}, {@code -Dtuning.epochs}...) are
 * declared by the suite model ({@link Parameter#ALL}, {@link SuiteLoader#OVERRIDES}): they reach the
 * suite loader as the text the user gave ({@code CommandContext.suiteOverrides()}), and only their help
 * is written here ({@link #suiteOverrides}).
 */
public final class Options {
    private Options() {
    }

    private static final Set<Command> SUITE_COMMANDS = EnumSet.of(RUN, AUDIT);
    private static final Set<Command> DATA_COMMANDS = EnumSet.of(RUN, BENCH);

    public static final Option<Command> COMMAND = Option.of("command", OptionSpec.Type.CHOICE, Command::parse)
            .dflt(Command.RUN.key())
            .help("the command: " + Arrays.stream(Command.values()).map(Command::key)
                    .collect(Collectors.joining(", ")) + " (or the first argument)")
            .commands(EnumSet.allOf(Command.class)).build();

    public static final Option<Command> TOPIC = Option.of("topic", OptionSpec.Type.CHOICE, Command::parse)
            .noDefault("all commands").help("help: print the options of this command only").commands(HELP).build();

    public static final Option<Boolean> LIST_NAMES = Option.flag("list.names").dflt("false")
            .help("list: print only the built-in suite names, one per line (what scripts iterate)")
            .commands(Command.LIST).build();

    public static final Option<String> SUITE = Option.text("suite").noDefault("none")
            .help("a built-in suite (" + String.join(", ", SuiteLoader.BUILT_IN) + ") or a .yaml/.json suite file;"
                    + " audit: audit the suite's built networks")
            .commands(SUITE_COMMANDS).build();

    public static final Option<Path> OUT = Option.path("out").noDefault("results/<suite>/<run-id>")
            .help("run directory to write (run: an existing one is resumed; compare: where compare.md goes,"
                    + " default the run; merge: the new merged run)")
            .commands(RUN, BENCH, AUDIT, COMPARE, MERGE).build();

    public static final Option<Integer> WORKERS = Option.integer("workers")
            .dflt("one per core", props -> RunRequest.defaultWorkers())
            .check(w -> w >= 1, w -> "use 1 or more (default: " + RunRequest.defaultWorkers() + ", one per core)")
            .help("cells trained at once").commands(RUN, AUDIT).build();

    public static final Option<Integer> THREADS = Option.integer("threads")
            .dflt("cores / workers", props -> RunRequest.defaultThreads(WORKERS.get(props)))
            .check(t -> t >= 1, "use 1 or more native threads per worker")
            .help("native (OpenMP/BLAS) threads per worker (bench: 1 unless given)").commands(RUN, BENCH, AUDIT)
            .build();

    public static final Option<Shard> SHARD = Option.of("shard", OptionSpec.Type.TEXT, Shard::parse)
            .dflt("all", props -> Shard.ALL)
            .help("i/n: run only shard i of n (0-based; see Scale-out)").commands(RUN).build();

    public static final Option<Boolean> SAVE_MODELS = Option.flag("saveModels").dflt("false")
            .help("also save each trained network as models/<cell id>.zip (for PRETRAINED)").commands(RUN).build();

    public static final Option<LayerPath> LAYERS = Option.of(LayerPath.PROPERTY, OptionSpec.Type.CHOICE,
                    LayerPath::parse)
            .dflt(LayerPath.DEFAULT.key())
            .help("layer implementations: " + Arrays.stream(LayerPath.values()).map(LayerPath::key)
                    .collect(Collectors.joining("|")) + " (fast = initbench's native dense, conv, BatchNorm,"
                    + " activation and output layers; bench measures both)")
            .commands(RUN, AUDIT).build();

    public static final Option<Integer> MAX_STARTS = Option.integer("resume.maxStarts")
            .dflt(Integer.toString(SuiteRunner.MAX_STARTS)).check(s -> s >= 1, "use 1 or more")
            .help("starts without a record after which a cell is recorded ERROR instead of retried").commands(RUN)
            .build();

    public static final Option<ColorScale> COLOR_SCALE = Option.of(ColorScale.OPTION, OptionSpec.Type.CHOICE,
                    ColorScale::parse)
            .dflt(ColorScale.DEFAULT.name().toLowerCase(Locale.ROOT))
            .help("heatmap colours of report.html: error (1 − accuracy on a log scale, fixed: tells 0.94 from 0.97),"
                    + " fixed (0..1 linear, the same in every report) or run (this run's range)")
            .commands(RUN, REPORT, MERGE).build();

    /*
     * The dataset options are read by the datasets module (DatasetSettings.from, with the environment's
     * mirror as the fallback) when a run reaches its datasets: a missing mirror directory is then named
     * after a wrong suite or run directory, not before. Declared here for help, flags and the typo check.
     */

    public static final Option<String> DATASETS_MIRROR = Option.text(DatasetSettings.MIRROR_PROPERTY)
            .noDefault("$" + DatasetSettings.MIRROR_ENV + ", else the official hosts")
            .help("dataset mirror: a directory, file: or http(s): base").commands(DATA_COMMANDS).build();

    public static final Option<Path> DATASETS_DIR = Option.path(DatasetSettings.DIR_PROPERTY)
            .noDefault("~/.cache/initbench/datasets").help("dataset cache directory").commands(DATA_COMMANDS).build();

    public static final Option<String> DATASETS_VERIFY = Option.of(DatasetSettings.VERIFY_PROPERTY,
                    OptionSpec.Type.CHOICE, s -> s)
            .noDefault("strict")
            .help("strict|warn: refuse or accept (with a note) files whose checksum is not the official one")
            .commands(DATA_COMMANDS).build();

    public static final Option<Path> RUN_DIR = Option.path("run").noDefault("none")
            .help("the run directory to report on or compare").commands(REPORT, COMPARE).build();

    public static final Option<Path> BASELINE = Option.path("baseline")
            .noDefault("the newest earlier run of the same settings").help("the run to compare with")
            .commands(COMPARE).build();

    public static final Option<Boolean> COMPARE_INTERSECT = Option.flag("compare.intersect").dflt("false")
            .help("compare a baseline of other settings on the configurations and seeds both have")
            .commands(COMPARE).build();

    public static final Option<Double> ACCURACY_TOLERANCE = Option.number("compare.accuracyTolerance").dflt("0.005")
            .check(t -> t >= 0, "use 0 or more (an absolute accuracy change)")
            .help("accuracy change (absolute) below which nothing is flagged").commands(COMPARE).build();

    public static final Option<Double> SPEED_TOLERANCE = Option.number("compare.speedTolerance").dflt("0.10")
            .check(t -> t >= 0, "use 0 or more (a change relative to the baseline)")
            .help("convergence-speed change (relative to the baseline) below which nothing is flagged")
            .commands(COMPARE).build();

    public static final Option<List<Path>> INPUTS = Option.list("inputs", Path::of).noDefault("none")
            .help("the shard run directories to merge").commands(MERGE).build();

    public static final Option<Boolean> MERGE_PARTIAL = Option.flag("merge.partial").dflt("false")
            .help("merge with cells missing or torn (each named)").commands(MERGE).build();

    public static final Option<List<Workload>> BENCH_WORKLOADS = Option.of("bench.workloads", OptionSpec.Type.LIST,
                    s -> Arrays.stream(s.split(",")).filter(w -> !w.isBlank()).map(Workload::parse).distinct()
                            .toList())
            .dflt(Workload.allKeys())
            .check(w -> !w.isEmpty(), "name a workload; use any of " + Workload.allKeys())
            .help("the networks benchmarked").commands(BENCH).build();

    public static final Option<Integer> BENCH_SAMPLES = Option.integer("bench.samples").dflt("0")
            .help("0: each workload's suite budget; N: one epoch of N training images (quick runs)").commands(BENCH)
            .build();

    public static final Option<Integer> BENCH_REPEATS = Option.integer("bench.repeats").dflt("3")
            .help("runs per workload and layer path, stock and fast interleaved").commands(BENCH).build();

    public static final Option<Integer> BENCH_GEMM = Option.integer("bench.gemm").dflt("2048")
            .help("n of the n×n×n sgemm roofline").commands(BENCH).build();

    public static final Option<Long> AUDIT_SAMPLES = Option.whole("audit.samples").dflt("2000000")
            .check(s -> s >= 1, "use 1 or more").help("weights drawn per initializer × shape").commands(AUDIT).build();

    public static final Option<Long> AUDIT_SEED = Option.whole("audit.seed").dflt("42")
            .help("seed of the audit's draws").commands(AUDIT).build();

    public static final Option<Path> AUDIT_KNOWN_DEVIATIONS = Option.path("audit.knownDeviations")
            .noDefault("built-in list").help("YAML list of known deviations that replaces the built-in one")
            .commands(AUDIT).build();

    /** Read by the run store itself, from the JVM's properties (the kill test sets it on the JVM). */
    public static final Option<Long> APPEND_PAUSE_MS = Option.whole("initbench.faults.appendPauseMs").dflt("0")
            .help("fault injection for the kill test: pause between the two writes of a record").commands(RUN)
            .build();

    /** The options above, in the order help lists them. */
    static final List<Option<?>> TYPED = List.of(COMMAND, TOPIC, LIST_NAMES, SUITE, OUT, WORKERS, THREADS, SHARD, SAVE_MODELS,
            LAYERS, MAX_STARTS, COLOR_SCALE, DATASETS_MIRROR, DATASETS_DIR, DATASETS_VERIFY, RUN_DIR, BASELINE,
            COMPARE_INTERSECT, ACCURACY_TOLERANCE, SPEED_TOLERANCE, INPUTS, MERGE_PARTIAL, BENCH_WORKLOADS,
            BENCH_SAMPLES, BENCH_REPEATS, BENCH_GEMM, AUDIT_SAMPLES, AUDIT_SEED, AUDIT_KNOWN_DEVIATIONS,
            APPEND_PAUSE_MS);

    /** The options of {@link SuiteLoader#OVERRIDES}: the parameters' own, then the tuning section's. */
    static final List<OptionSpec> SUITE_OVERRIDES = suiteOverrides();

    /** Every option, typed ones first: what {@link OptionRegistry} derives help, flags and checks from. */
    static final List<OptionSpec> ALL = java.util.stream.Stream.concat(TYPED.stream().map(Option::spec),
            SUITE_OVERRIDES.stream()).toList();

    /**
     * {@code -DweightInit} as the audit of initializers (without {@code -Dsuite}) reads it: the suite
     * override's declaration, parsed here into initializers (commas inside (...) belong to the value).
     */
    public static final Option<List<InitSpec>> WEIGHT_INIT = Option.over(SUITE_OVERRIDES.stream()
                    .filter(o -> o.name().equals("weightInit")).findFirst().orElseThrow(),
            s -> SuiteLoader.splitTopLevel(s).stream().map(InitSpec::parse).toList());

    private static List<OptionSpec> suiteOverrides() {
        List<OptionSpec> all = new ArrayList<>();
        Map<String, RecordComponent> settings = Arrays.stream(TrainingSettings.class.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c));
        Set<String> covered = new HashSet<>();
        for (Parameter p : Parameter.ALL) {
            for (String o : p.overrides()) {
                OptionSpec.Type type = p.axis() ? OptionSpec.Type.LIST : typeOf(settings.get(p.key()));
                String help = p.axis() ? "axis " + p.path() + " of the suite (comma list; commas inside (...) belong"
                        + " to the value)" : p.path() + " of the suite";
                all.add(new OptionSpec(o, type, "the suite's", help, SUITE_COMMANDS));
                covered.add(o);
            }
        }
        List<OptionSpec> tuningSpecs = List.of(
                new OptionSpec("tuning.epochs", OptionSpec.Type.INT, "the suite's",
                        "epochs of a tuning cell when the rate search runs on a shorter budget than the final seeds",
                        SUITE_COMMANDS),
                new OptionSpec("tuning.trainSize", OptionSpec.Type.INT, "the suite's",
                        "training images of a tuning cell (0 = all) when the rate search runs on a shorter budget",
                        SUITE_COMMANDS),
                new OptionSpec("tuning", OptionSpec.Type.CHOICE, "the suite's",
                        "off: drop the suite's tuning and train at axes.learningRate", SUITE_COMMANDS),
                new OptionSpec("tuning.learningRates", OptionSpec.Type.LIST, "the suite's",
                        "rates tried per configuration (creates the tuning section if the suite has none)",
                        SUITE_COMMANDS),
                new OptionSpec("tuning.seeds", OptionSpec.Type.LIST, "the suite's",
                        "seeds of the tuning cells (not among axes.seed)", SUITE_COMMANDS),
                new OptionSpec("tuning.metric", OptionSpec.Type.CHOICE, "FINAL_VALIDATION",
                        "FINAL_VALIDATION or BEST_VALIDATION: how the rate is chosen", SUITE_COMMANDS),
                new OptionSpec("tuning.minRate", OptionSpec.Type.NUMBER, "the suite's",
                        "lowest rate the tuning grid extends down to (÷3 steps) when the smallest rate wins",
                        SUITE_COMMANDS),
                new OptionSpec("tuning.maxRate", OptionSpec.Type.NUMBER, "the suite's",
                        "highest rate the tuning grid extends up to (×3 steps) when the largest rate wins",
                        SUITE_COMMANDS),
                new OptionSpec("analysis.margin", OptionSpec.Type.NUMBER, "0.005",
                        "equivalence margin: accuracy differences within ±margin count as equivalent (TOST)",
                        SUITE_COMMANDS));
        Map<String, OptionSpec> tuning = new HashMap<>();
        tuningSpecs.forEach(o -> tuning.put(o.name(), o));
        for (String key : new TreeMap<>(SuiteLoader.OVERRIDES).keySet()) {
            if (!covered.contains(key)) {
                OptionSpec spec = tuning.get(key);
                if (spec == null) {
                    throw new IllegalStateException("suite override -D" + key + " has no help in Options");
                }
                all.add(spec);
            }
        }
        return List.copyOf(all);
    }

    private static OptionSpec.Type typeOf(RecordComponent c) {
        if (c == null) {
            return OptionSpec.Type.TEXT;
        }
        Class<?> t = c.getType();
        if (t == int.class || t == long.class) {
            return OptionSpec.Type.INT;
        } else if (t == double.class) {
            return OptionSpec.Type.NUMBER;
        } else if (t == boolean.class) {
            return OptionSpec.Type.BOOLEAN;
        } else if (t.isEnum()) {
            return OptionSpec.Type.CHOICE;
        }
        return OptionSpec.Type.TEXT;
    }
}
