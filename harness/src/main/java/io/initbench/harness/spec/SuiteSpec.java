package io.initbench.harness.spec;

import java.util.regex.Pattern;

/** A named experiment: the axes to sweep and how each cell trains. */
public record SuiteSpec(String name, String description, Axes axes, TrainingSettings training) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SuiteSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SuiteException("suite name '" + name + "' is not valid: use 1-64 letters, digits, '.', '_' or '-'"
                    + " (it names the results directory)");
        }
        description = description == null ? "" : description;
        if (axes == null || training == null) {
            throw new SuiteException("suite " + name + " lacks axes or training");
        }
    }
}
