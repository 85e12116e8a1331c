package io.initbench.harness.cli;

import static io.initbench.harness.cli.Command.AUDIT;
import static io.initbench.harness.cli.Command.BENCH;
import static io.initbench.harness.cli.Command.COMPARE;
import static io.initbench.harness.cli.Command.HELP;
import static io.initbench.harness.cli.Command.MERGE;
import static io.initbench.harness.cli.Command.REPORT;
import static io.initbench.harness.cli.Command.RUN;

import io.initbench.datasets.DatasetSettings;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.report.ColorScale;
import io.initbench.harness.spec.Parameter;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.TrainingSettings;
import io.initbench.harness.train.SuiteRunner;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Every {@code -D} option of initbench, declared once: help, the option table of docs/manual/options.md (a test compares them),
 * the jar's {@code --flags} and the check of misspelt options all iterate {@link #ALL}. The suite
 * overrides are not declared here but taken from {@link Parameter#ALL} and {@link SuiteLoader#OVERRIDES}.
 *
 * <p>Which properties are ours: the JVM, Maven and the libraries put their own system properties next to
 * ours, and those must pass untouched. A key is initbench's when it is registered, when it has no dot and
 * is not one of {@link #FOREIGN_PLAIN} (Maven's {@code -DskipTests}, {@code -Dtest}, surefire's
 * {@code basedir}...), when it starts with one of {@link #PREFIXES}, or when it is a dotted key within
 * {@link #NEAR} edits of a registered dotted option and not under one of {@link #FOREIGN_PREFIXES}
 * ({@code -Ddataset.mirror},
 * {@code -Dtrain.sise}). Every other key ({@code java.*}, {@code org.bytedeco.*}, {@code maven.*}, ...)
 * is not looked at.
 */
public final class OptionRegistry {
    private OptionRegistry() {
    }

    /** The prefixes of initbench's dotted options: a key under one of them must be registered. */
    public static final List<String> PREFIXES = List.of("datasets.", "compare.", "merge.", "bench.", "audit.",
            "report.", "resume.", "tuning.", "initbench.");

    /** Keys without a dot that Maven and its plugins read (they reach exec:java's system properties). */
    public static final Set<String> FOREIGN_PLAIN = Set.of("skipTests", "skipFuzz", "skipITs", "test", "revision",
            "changelist", "sha1", "debug", "offline", "basedir", "localRepository", "interactiveMode", "argLine",
            "forkCount", "reuseForks", "failIfNoTests", "trimStackTrace", "enableAssertions", "skip",
            "settings", "altDeploymentRepository");

    /** Prefixes of the JVM's, Maven's and the libraries' properties, never taken for a misspelt option of ours. */
    public static final List<String> FOREIGN_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.", "org.",
            "net.", "io.", "user.", "os.", "file.", "line.", "path.", "native.", "stdout.", "stderr.", "awt.",
            "maven.", "exec.", "classworlds.", "library.", "logback.", "slf4j.", "jna.", "javacpp.", "nd4j.",
            "dl4j.", "surefire.", "failsafe.", "mdep.", "style.", "jazzer.", "junit.");

    /** Edits within which a name is suggested, and a foreign-looking dotted key is taken for one of ours. */
    static final int NEAR = 2;

    private static final Set<Command> SUITE_COMMANDS = EnumSet.of(RUN, AUDIT);
    private static final Set<Command> DATA_COMMANDS = EnumSet.of(RUN, BENCH);

    public static final List<OptionSpec> ALL = build();

    private static final Map<String, OptionSpec> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(OptionSpec::name, o -> o, (a, b) -> {
                throw new IllegalStateException("option " + a.name() + " is declared twice");
            }, LinkedHashMap::new));

    private static List<OptionSpec> build() {
        List<OptionSpec> all = new ArrayList<>();
        all.add(new OptionSpec("command", OptionSpec.Type.CHOICE, "run", "the command: " + Arrays.stream(
                Command.values()).map(Command::key).collect(Collectors.joining(", ")) + " (or the first argument)",
                EnumSet.allOf(Command.class)));
        all.add(new OptionSpec("topic", OptionSpec.Type.CHOICE, "all commands",
                "help: print the options of this command only", EnumSet.of(HELP)));
        all.add(new OptionSpec("suite", OptionSpec.Type.TEXT, "none",
                "a built-in suite (" + String.join(", ", SuiteLoader.BUILT_IN) + ") or a .yaml/.json suite file;"
                        + " audit: audit the suite's built networks", SUITE_COMMANDS));
        all.add(new OptionSpec("out", OptionSpec.Type.PATH, "results/<suite>/<run-id>",
                "run directory to write (run: an existing one is resumed; compare: where compare.md goes,"
                        + " default the run; merge: the new merged run)",
                EnumSet.of(RUN, BENCH, AUDIT, COMPARE, MERGE)));
        all.add(new OptionSpec("workers", OptionSpec.Type.INT, "one per core", "cells trained at once",
                EnumSet.of(RUN, AUDIT)));
        all.add(new OptionSpec("threads", OptionSpec.Type.INT, "cores / workers",
                "native (OpenMP/BLAS) threads per worker (bench: 1 unless given)", EnumSet.of(RUN, BENCH, AUDIT)));
        all.add(new OptionSpec("shard", OptionSpec.Type.TEXT, "all",
                "i/n: run only shard i of n (0-based; see Scale-out)", EnumSet.of(RUN)));
        all.add(new OptionSpec("saveModels", OptionSpec.Type.BOOLEAN, "false",
                "also save each trained network as models/<cell id>.zip (for PRETRAINED)", EnumSet.of(RUN)));
        all.add(new OptionSpec(LayerPath.PROPERTY, OptionSpec.Type.CHOICE, LayerPath.DEFAULT.key(),
                "layer implementations: " + Arrays.stream(LayerPath.values()).map(LayerPath::key)
                        .collect(Collectors.joining("|")) + " (fast = initbench's native dense, conv, BatchNorm,"
                        + " activation and output layers; bench measures both)",
                EnumSet.of(RUN, AUDIT)));
        all.add(new OptionSpec("resume.maxStarts", OptionSpec.Type.INT, Integer.toString(SuiteRunner.MAX_STARTS),
                "starts without a record after which a cell is recorded ERROR instead of retried", EnumSet.of(RUN)));
        all.add(new OptionSpec(ColorScale.OPTION, OptionSpec.Type.CHOICE,
                ColorScale.parse(null).name().toLowerCase(java.util.Locale.ROOT),
                "heatmap colours of report.html: error (1 − accuracy on a log scale, fixed: tells 0.94 from 0.97),"
                        + " fixed (0..1 linear, the same in every report) or run (this run's range)",
                EnumSet.of(RUN, REPORT, MERGE)));
        all.add(new OptionSpec(DatasetSettings.MIRROR_PROPERTY, OptionSpec.Type.TEXT, "$"
                + DatasetSettings.MIRROR_ENV + ", else the official hosts",
                "dataset mirror: a directory, file: or http(s): base", DATA_COMMANDS));
        all.add(new OptionSpec(DatasetSettings.DIR_PROPERTY, OptionSpec.Type.PATH, "~/.cache/initbench/datasets",
                "dataset cache directory", DATA_COMMANDS));
        all.add(new OptionSpec(DatasetSettings.VERIFY_PROPERTY, OptionSpec.Type.CHOICE, "strict",
                "strict|warn: refuse or accept (with a note) files whose checksum is not the official one",
                DATA_COMMANDS));
        all.add(new OptionSpec("run", OptionSpec.Type.PATH, "none", "the run directory to report on or compare",
                EnumSet.of(REPORT, COMPARE)));
        all.add(new OptionSpec("baseline", OptionSpec.Type.PATH, "the newest earlier run of the same settings",
                "the run to compare with", EnumSet.of(COMPARE)));
        all.add(new OptionSpec("compare.intersect", OptionSpec.Type.BOOLEAN, "false",
                "compare a baseline of other settings on the configurations and seeds both have",
                EnumSet.of(COMPARE)));
        all.add(new OptionSpec("compare.accuracyTolerance", OptionSpec.Type.NUMBER, "0.005",
                "accuracy change (absolute) below which nothing is flagged", EnumSet.of(COMPARE)));
        all.add(new OptionSpec("compare.speedTolerance", OptionSpec.Type.NUMBER, "0.10",
                "convergence-speed change (relative to the baseline) below which nothing is flagged",
                EnumSet.of(COMPARE)));
        all.add(new OptionSpec("inputs", OptionSpec.Type.LIST, "none", "the shard run directories to merge",
                EnumSet.of(MERGE)));
        all.add(new OptionSpec("merge.partial", OptionSpec.Type.BOOLEAN, "false",
                "merge with cells missing or torn (each named)", EnumSet.of(MERGE)));
        all.add(new OptionSpec("bench.workloads", OptionSpec.Type.LIST, io.initbench.harness.bench.Workload.allKeys(),
                "the networks benchmarked", EnumSet.of(BENCH)));
        all.add(new OptionSpec("bench.samples", OptionSpec.Type.INT, "0",
                "0: each workload's suite budget; N: one epoch of N training images (quick runs)", EnumSet.of(BENCH)));
        all.add(new OptionSpec("bench.repeats", OptionSpec.Type.INT, "3",
                "runs per workload and layer path, stock and fast interleaved", EnumSet.of(BENCH)));
        all.add(new OptionSpec("bench.gemm", OptionSpec.Type.INT, "2048", "n of the n×n×n sgemm roofline",
                EnumSet.of(BENCH)));
        all.add(new OptionSpec("audit.samples", OptionSpec.Type.INT, "2000000",
                "weights drawn per initializer × shape", EnumSet.of(AUDIT)));
        all.add(new OptionSpec("audit.seed", OptionSpec.Type.INT, "42", "seed of the audit's draws",
                EnumSet.of(AUDIT)));
        all.add(new OptionSpec("audit.knownDeviations", OptionSpec.Type.PATH, "built-in list",
                "YAML list of known deviations that replaces the built-in one", EnumSet.of(AUDIT)));
        all.add(new OptionSpec("initbench.faults.appendPauseMs", OptionSpec.Type.INT, "0",
                "fault injection for the kill test: pause between the two writes of a record", EnumSet.of(RUN)));
        addSuiteOverrides(all);
        return List.copyOf(all);
    }

    /** The options of {@link SuiteLoader#OVERRIDES}: the parameters' own, then the tuning section's. */
    private static void addSuiteOverrides(List<OptionSpec> all) {
        Map<String, RecordComponent> settings = Arrays.stream(TrainingSettings.class.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c));
        Set<String> covered = new java.util.HashSet<>();
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
        Map<String, OptionSpec> tuning = new java.util.HashMap<>();
        tuningSpecs.forEach(o -> tuning.put(o.name(), o));
        for (String key : new TreeMap<>(SuiteLoader.OVERRIDES).keySet()) {
            if (!covered.contains(key)) {
                OptionSpec spec = tuning.get(key);
                if (spec == null) {
                    throw new IllegalStateException("suite override -D" + key + " has no help in OptionRegistry");
                }
                all.add(spec);
            }
        }
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

    public static Optional<OptionSpec> get(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Whether a property key is initbench's to check (see the class description for the rule). */
    public static boolean isOurs(String key) {
        if (BY_NAME.containsKey(key)) {
            return true;
        }
        if (FOREIGN_PLAIN.contains(key) || key.isEmpty()) {
            return false;
        }
        if (key.indexOf('.') < 0 || PREFIXES.stream().anyMatch(key::startsWith)) {
            return true;
        }
        if (FOREIGN_PREFIXES.stream().anyMatch(key::startsWith)) {
            return false;
        }
        return nearest(key).filter(o -> o.name().contains(".") && distance(key, o.name()) <= NEAR).isPresent();
    }

    /** Whether {@code name} is a registered option. */
    public static boolean isRegistered(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The registered option nearest to a name, when one is within a few edits. */
    public static Optional<OptionSpec> suggestion(String key) {
        return nearest(key).filter(o -> distance(key, o.name()) <= Math.max(NEAR, key.length() / 4));
    }

    private static Optional<OptionSpec> nearest(String key) {
        return ALL.stream().min(Comparator.comparingInt((OptionSpec o) -> distance(key, o.name()))
                .thenComparing(OptionSpec::name));
    }

    private static int distance(String a, String b) {
        // case slips (learningrate) count as one edit, not one per letter
        int d = LevenshteinDistance.getDefaultInstance().apply(a.toLowerCase(java.util.Locale.ROOT),
                b.toLowerCase(java.util.Locale.ROOT));
        return a.equals(b) ? 0 : Math.max(1, d);
    }

    /**
     * Checks the properties before any work: an unknown option of ours is bad input naming the nearest
     * registered one; an option that {@code command} does not read is returned as a warning (it is
     * accepted: one set of options can serve several commands in a script).
     */
    public static List<String> check(Map<String, String> props, Command command) {
        List<String> unknown = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (String key : new TreeMap<>(props).keySet()) {
            if (!isOurs(key)) {
                continue;
            }
            OptionSpec spec = BY_NAME.get(key);
            if (spec == null) {
                unknown.add("-D" + key + " is not an initbench option" + suggestion(key)
                        .map(o -> "; did you mean -D" + o.name() + "? (" + o.help() + ")").orElse(""));
            } else if (!spec.usedBy(command)) {
                unused.add("-D" + key + " is not read by command " + command.key() + " (only by "
                        + spec.commands().stream().sorted().map(Command::key).collect(Collectors.joining(", "))
                        + "); ignored");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", unknown) + ". Nothing was run; -Dcommand=help"
                    + " lists every option");
        }
        return unused;
    }

    /** The options a command reads, in declaration order. */
    public static List<OptionSpec> of(Command command) {
        return ALL.stream().filter(o -> o.usedBy(command)).toList();
    }
}
