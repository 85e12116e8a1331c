package io.initbench.harness.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Every {@code -D} option of initbench, declared once in {@link Options}: help, the option table of
 * docs/manual/options.md (a test compares them), the jar's {@code --flags} and the check of misspelt options all iterate {@link #ALL}. The suite
 * overrides are taken from {@link io.initbench.harness.spec.Parameter#ALL} and
 * {@link io.initbench.harness.spec.SuiteLoader#OVERRIDES}.
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

    /** Every option: the declarations of {@link Options}, in their order. */
    public static final List<OptionSpec> ALL = Options.ALL;

    private static final Map<String, OptionSpec> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(OptionSpec::name, o -> o, (a, b) -> {
                throw new IllegalStateException("option " + a.name() + " is declared twice");
            }, LinkedHashMap::new));

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
