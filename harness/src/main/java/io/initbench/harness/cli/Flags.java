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
                    + OptionRegistry.suggestion(key).map(o -> "; did you mean --" + o.name() + "?").orElse("")
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
