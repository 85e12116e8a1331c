package io.initbench.harness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec.Builder;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * GNU-style flags of the runnable jar ({@code run --suite smoke --epochs 3}), mapped onto the same
 * options as {@code -D}: each registered option is {@code --<name>}, so both forms reach {@link Cli} as
 * one map of properties. A few long dotted names have a short alias ({@link #ALIASES}).
 */
public final class Flags {
    private Flags() {
    }

    /** Short flags for options whose registered name is long. */
    public static final Map<String, String> ALIASES = Map.of(
            "--mirror", io.initbench.datasets.DatasetSettings.MIRROR_PROPERTY,
            "--verify", io.initbench.datasets.DatasetSettings.VERIFY_PROPERTY,
            "--cache", io.initbench.datasets.DatasetSettings.DIR_PROPERTY);

    /**
     * The flag nearest to a misspelt one: a short alias ({@code --mirorr} → {@code --mirror}) or a
     * registered name.
     */
    static java.util.Optional<String> suggestion(String key) {
        java.util.Optional<String> alias = ALIASES.keySet().stream()
                .filter(a -> org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance()
                        .apply(a.substring(2).toLowerCase(java.util.Locale.ROOT), key.toLowerCase(java.util.Locale.ROOT)) <= 2)
                .sorted().findFirst();
        return alias.isPresent() ? alias : OptionRegistry.suggestion(key).map(o -> "--" + o.name());
    }

    /**
     * Whether {@code args} use the jar's flag syntax ({@code --name}) only: replies are then given in it.
     * Who typed a {@code -Dname=value} among them reads replies in that syntax.
     */
    public static boolean usesFlags(String[] args) {
        return java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--"))
                && java.util.Arrays.stream(args).noneMatch(a -> a.startsWith("-D"));
    }

    /**
     * A message written in {@code -Dname=value} syntax, for a user of flags: every registered
     * {@code -Dname=} becomes {@code --name } and a bare {@code -Dname} becomes {@code --name}. JVM
     * properties (-Xmx, -Dorg.bytedeco...) are no initbench options and stay as they are.
     */
    public static String inFlagSyntax(String message) {
        if (message == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-D([A-Za-z][A-Za-z0-9.]*)(=?)").matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            // the command is the jar's first argument ("help lists every option"), not a flag
            String flag = name.equals("command") && !m.group(2).isEmpty() ? ""
                    : OptionRegistry.isRegistered(name) ? "--" + name + (m.group(2).isEmpty() ? "" : " ") : m.group();
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(flag));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The options given as flags (by registered name) and the positional arguments (command, topic). */
    public record Parsed(Map<String, String> options, List<String> arguments) {
    }

    /**
     * Parses {@code args}; an unknown flag is bad input (IllegalArgumentException) naming the nearest
     * registered option. {@code -Dname=value} among the arguments counts as {@code --name value}.
     */
    public static Parsed parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                rest.add(0, Command.HELP.key());
            } else if (a.startsWith("-D") && a.length() > 2) {
                int eq = a.indexOf('=');
                options.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
            } else {
                rest.add(a);
            }
        }
        CommandSpec spec = CommandSpec.create();
        for (OptionSpec o : OptionRegistry.ALL) {
            List<String> names = new ArrayList<>(List.of("--" + o.name()));
            ALIASES.forEach((flag, name) -> {
                if (name.equals(o.name())) {
                    names.add(flag);
                }
            });
            Builder b = picocli.CommandLine.Model.OptionSpec.builder(names.toArray(String[]::new))
                    .type(String.class).description(o.help()).paramLabel("<" + o.type().label() + ">");
            if (o.type() == OptionSpec.Type.BOOLEAN) {
                b.arity("0..1").fallbackValue("true");
            }
            spec.addOption(b.build());
        }
        spec.addPositional(PositionalParamSpec.builder().arity("0..2").type(String[].class)
                .paramLabel("<command> [<topic>]").build());
        ParseResult result;
        try {
            result = new CommandLine(spec).parseArgs(rest.toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            List<String> bad = e.getUnmatched();
            String flag = bad.isEmpty() ? "?" : bad.get(0);
            String key = flag.replaceFirst("^-+", "").replaceFirst("=.*$", "");
            throw new IllegalArgumentException(flag.startsWith("-") ? flag + " is not an initbench option"
                    + suggestion(key).map(f -> "; did you mean " + f + "?").orElse("")
                    + " (help lists every option)" : "unexpected argument " + flag + "; give one command (and"
                    + " a topic for help), then --<option> <value> flags");
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + " (help lists every option)");
        }
        for (CommandLine.Model.OptionSpec o : result.matchedOptions()) {
            // the registered name is the longest: an alias is shorter by design
            options.put(o.longestName().substring(2), o.getValue());
        }
        List<String> arguments = new ArrayList<>();
        for (var p : result.matchedPositionals()) {
            String[] v = p.getValue();
            arguments.addAll(v == null ? List.of() : List.of(v));
        }
        return new Parsed(options, arguments);
    }
}
