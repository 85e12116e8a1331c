package io.initbench.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One {@code -D} option, typed: its {@link OptionSpec} (name, help, the default as help prints it, the
 * commands that read it), how its text becomes a {@code T}, its default value and the checks the value must
 * pass. Declared once, in {@link Options}; {@link OptionRegistry} derives help, the jar's flags and the
 * misspelling check from the same declarations, and the commands read values only through it
 * ({@code ctx.get(Options.WORKERS)}), so a default or a check cannot be stated twice.
 *
 * <p>A blank value counts as not given: {@code -Dout=} means the default, as it always has for the options
 * whose default is a path or a computed value, and now for every option.
 *
 * @param <T> the value's type
 */
public final class Option<T> {
    /** Turns an option's (trimmed, non-blank) text into a value; throws IllegalArgumentException when it cannot. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text);
    }

    /** A requirement on a parsed value and what to tell a user whose value fails it. */
    private record Check<T>(Predicate<? super T> ok, Function<? super T, String> fix) {
    }

    private final OptionSpec spec;
    private final Parser<T> parser;
    /** The default, possibly computed from other options (threads: cores / workers); null: none. */
    private final Function<Map<String, String>, T> dflt;
    private final List<Check<T>> checks;

    private Option(OptionSpec spec, Parser<T> parser, Function<Map<String, String>, T> dflt, List<Check<T>> checks) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.dflt = dflt;
        this.checks = List.copyOf(checks);
    }

    public String name() {
        return spec.name();
    }

    /** What help, the manual's table and the jar's flags show of this option. */
    public OptionSpec spec() {
        return spec;
    }

    public boolean hasDefault() {
        return dflt != null;
    }

    /** The value given in {@code props}, parsed and checked; empty when absent or blank. */
    public Optional<T> find(Map<String, String> props) {
        String text = props.get(name());
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(text));
    }

    /** The value given in {@code props}, else the default; an option without a default is read with {@link #find}. */
    public T get(Map<String, String> props) {
        if (dflt == null) {
            throw new IllegalStateException("option -D" + name() + " has no default; read it with find");
        }
        return find(props).orElseGet(() -> dflt.apply(props));
    }

    /**
     * Parses one value and checks it. A failure is an IllegalArgumentException whose message names the
     * option, the value and the fix (a parser's own message is kept when it names the option already).
     */
    public T parse(String text) {
        T value;
        try {
            value = parser.parse(text.trim());
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("-D" + name())) {
                throw e;
            }
            throw new IllegalArgumentException("-D" + name() + "=" + text.trim() + " is not valid: " + m, e);
        }
        for (Check<T> c : checks) {
            if (!c.ok().test(value)) {
                throw new IllegalArgumentException("-D" + name() + "=" + text.trim() + " is not valid; "
                        + c.fix().apply(value));
            }
        }
        return value;
    }

    // ---- declaring options ----

    /** Starts the declaration of an option of {@code type} whose text {@code parser} reads. */
    public static <T> Builder<T> of(String name, OptionSpec.Type type, Parser<T> parser) {
        return new Builder<>(name, type, parser);
    }

    /** Free text, taken as given (trimmed). */
    public static Builder<String> text(String name) {
        return of(name, OptionSpec.Type.TEXT, s -> s);
    }

    /** A file or directory; relative paths are resolved by the command that reads it. */
    public static Builder<Path> path(String name) {
        return of(name, OptionSpec.Type.PATH, Path::of);
    }

    /** A whole number that fits an int. */
    public static Builder<Integer> integer(String name) {
        return of(name, OptionSpec.Type.INT, s -> {
            long v = parseLong(name, s);
            if (v != (int) v) {
                throw new IllegalArgumentException("-D" + name + "=" + s + " is out of range");
            }
            return (int) v;
        });
    }

    /** A whole number. */
    public static Builder<Long> whole(String name) {
        return of(name, OptionSpec.Type.INT, s -> parseLong(name, s));
    }

    private static long parseLong(String name, String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + s + " is not a whole number");
        }
    }

    /** A finite number: NaN and infinities would make every comparison with it false, silently. */
    public static Builder<Double> number(String name) {
        return of(name, OptionSpec.Type.NUMBER, s -> {
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + name + "=" + s + " is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("-D" + name + "=" + s + " is not a finite number; give one"
                        + " such as 0.01");
            }
            return v;
        });
    }

    /** {@code true} or {@code false} (any case); anything else is refused rather than read as false. */
    public static Builder<Boolean> flag(String name) {
        return of(name, OptionSpec.Type.BOOLEAN, s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("-D" + name + "=" + s + " is not true or false; use -D"
                    + name + "=true or -D" + name + "=false");
        });
    }

    /** One of an enum's constants, named in any case; an unknown name lists the valid ones. */
    public static <E extends Enum<E>> Builder<E> choice(String name, Class<E> type) {
        return of(name, OptionSpec.Type.CHOICE, s -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("-D" + name + "=" + s + " is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")) + "; use -D" + name + "=<one of them>");
        });
    }

    /** A comma list whose items {@code item} reads (each trimmed; blank items are kept so that they fail there). */
    public static <E> Builder<List<E>> list(String name, Parser<E> item) {
        return of(name, OptionSpec.Type.LIST, s -> Arrays.stream(s.split(",", -1)).map(String::trim).map(item::parse)
                .toList());
    }

    /** The declaration of one option; {@link #build} checks that it is complete. */
    public static final class Builder<T> {
        private final String name;
        private final OptionSpec.Type type;
        private final Parser<T> parser;
        private String shownDefault;
        /** Whether the default is {@link #shownDefault} itself, parsed: then it is checked at declaration. */
        private boolean textDefault;
        private Function<Map<String, String>, T> dflt;
        private String help;
        private Set<Command> commands;
        private final List<Check<T>> checks = new ArrayList<>();

        private Builder(String name, OptionSpec.Type type, Parser<T> parser) {
            this.name = name;
            this.type = type;
            this.parser = parser;
        }

        /** The default, as help shows it and as its value: the text is parsed like a given value. */
        public Builder<T> dflt(String text) {
            this.shownDefault = text;
            this.textDefault = true;
            return this;
        }

        /** A computed default (from the machine or other options), and how help describes it. */
        public Builder<T> dflt(String shown, Function<Map<String, String>, T> value) {
            this.shownDefault = shown;
            this.textDefault = false;
            this.dflt = Objects.requireNonNull(value, "value");
            return this;
        }

        /** No default: what help shows instead ({@code none}, {@code the suite's}); read with {@code find}. */
        public Builder<T> noDefault(String shown) {
            this.shownDefault = shown;
            this.textDefault = false;
            this.dflt = null;
            return this;
        }

        /** A requirement on the value; {@code fix} says what to give instead (after "is not valid; "). */
        public Builder<T> check(Predicate<? super T> ok, String fix) {
            return check(ok, v -> fix);
        }

        public Builder<T> check(Predicate<? super T> ok, Function<? super T, String> fix) {
            checks.add(new Check<>(ok, fix));
            return this;
        }

        public Builder<T> help(String help) {
            this.help = help;
            return this;
        }

        public Builder<T> commands(Command first, Command... rest) {
            this.commands = EnumSet.of(first, rest);
            return this;
        }

        public Builder<T> commands(Set<Command> commands) {
            this.commands = commands;
            return this;
        }

        public Option<T> build() {
            if (shownDefault == null) {
                throw new IllegalStateException("option " + name + " states no default (dflt or noDefault)");
            }
            OptionSpec spec = new OptionSpec(name, type, shownDefault, help, commands);
            if (textDefault) {
                // parsed and checked once, here: a stated default that its own option refuses is a bug
                T value;
                try {
                    value = new Option<>(spec, parser, null, checks).parse(shownDefault);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("option " + name + ": default '" + shownDefault + "' is invalid",
                            e);
                }
                dflt = props -> value;
            }
            Option<T> o = new Option<>(spec, parser, dflt, checks);
            return o;
        }
    }

    /** The same parse and checks over a spec declared elsewhere (the suite overrides', from the suite model). */
    static <T> Option<T> over(OptionSpec spec, Parser<T> parser) {
        return new Option<>(spec, parser, null, List.of());
    }
}
