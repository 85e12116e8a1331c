package io.initbench.harness.cli;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What help, the manual and the jar's flags show of one {@code -D} option: the description part of its
 * {@link Option}, declared once in {@link Options} (the suite overrides', from the suite model).
 *
 * @param name     the property name ({@code -D<name>=...}; {@code --<name>} with the jar)
 * @param type     what the value is
 * @param dflt     the default as a user reads it (e.g. {@code 2}, {@code one per core}, {@code the suite's})
 * @param help     one line: what it does
 * @param commands the commands that read it
 */
public record OptionSpec(String name, Type type, String dflt, String help, Set<Command> commands) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*");

    /** The kinds of value an option takes, as help prints them. */
    public enum Type {
        TEXT, PATH, INT, NUMBER, BOOLEAN, LIST, CHOICE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OptionSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dflt, "dflt");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option name '" + name + "' is not a dotted identifier");
        }
        if (help == null || help.isBlank()) {
            throw new IllegalArgumentException("option " + name + " has no help text");
        }
        if (commands == null || commands.isEmpty()) {
            throw new IllegalArgumentException("option " + name + " is read by no command");
        }
        commands = Set.copyOf(commands);
    }

    public boolean usedBy(Command command) {
        return commands.contains(command);
    }
}
