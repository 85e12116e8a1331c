package io.initbench.harness.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named experiment: the axes to sweep, how each cell trains, and optionally how the learning rate is
 * tuned per configuration ({@code tuning}, null = the rate is the {@code learningRate} axis), and how
 * the results are compared ({@code analysis}, null = {@link AnalysisSpec#DEFAULT}), and the parts of the grid
 * that train otherwise ({@code overrides}, {@link CellOverride}; absent from JSON when there are none, so
 * suites written before they existed keep their fingerprints).
 */
public record SuiteSpec(String name, String description, Axes axes, TrainingSettings training, TuningSpec tuning,
                        AnalysisSpec analysis,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CellOverride> overrides) {
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
        analysis = analysis == null ? AnalysisSpec.DEFAULT : analysis;
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        for (CellOverride o : overrides) {
            // each override's values are checked once here, not first by the cell that meets them
            o.apply(training);
        }
        String baseline = analysis.baselineOf("weightInit");
        if (baseline != null && axes.weightInit().stream().noneMatch(i -> i.label().equals(canonical(baseline)))) {
            throw new SuiteException("analysis.baseline.weightInit " + baseline + " is not one of the suite's"
                    + " initializers " + axes.weightInit().stream().map(InitSpec::label).toList()
                    + "; name one of them (spelled as listed) or remove the baseline to compare all pairs");
        }
        if (tuning != null) {
            if (axes.learningRate().size() > 1) {
                throw new SuiteException("suite " + name + " both sweeps axes.learningRate " + axes.learningRate()
                        + " and tunes it; list the rates under tuning.learningRates only");
            }
            if (training.validationSize() == 0) {
                throw new SuiteException("suite " + name + " tunes the learning rate but has no validation split;"
                        + " set training.validationSize > 0 (the rate is chosen on validation, never on test)");
            }
            for (long s : tuning.seeds()) {
                if (axes.seed().contains(s)) {
                    throw new SuiteException("tuning seed " + s + " is also in axes.seed; use tuning seeds that the"
                            + " final cells do not use, so that no reported result is one the rate was chosen on");
                }
            }
        }
    }

    /** An initializer as the axis spells it, or the text itself when it is no initializer. */
    private static String canonical(String init) {
        try {
            return InitSpec.parse(init).label();
        } catch (RuntimeException e) {
            return init;
        }
    }

    /** The declared baseline initializer in its canonical spelling; null when the rankings compare all pairs. */
    public String baselineInit() {
        String b = analysis.baselineOf("weightInit");
        return b == null ? null : canonical(b);
    }

    /** A suite without tuning. */
    public SuiteSpec(String name, String description, Axes axes, TrainingSettings training) {
        this(name, description, axes, training, null, null, null);
    }

    /** A suite without overrides. */
    public SuiteSpec(String name, String description, Axes axes, TrainingSettings training, TuningSpec tuning,
                     AnalysisSpec analysis) {
        this(name, description, axes, training, tuning, analysis, null);
    }

    /**
     * The override that matches {@code cell}, or null. A cell that two overrides match is refused: which
     * setting wins would depend on the order of the list.
     */
    public CellOverride overrideFor(CellSpec cell) {
        CellOverride found = null;
        for (CellOverride o : overrides) {
            if (o.matches(cell)) {
                if (found != null) {
                    throw new SuiteException("suite " + name + ": the cell " + cell.configLabel() + " matches two"
                            + " overrides (" + found.label() + "; " + o.label() + "); make their 'when' disjoint");
                }
                found = o;
            }
        }
        return found;
    }

    /** Whether {@code cell}'s rate is fixed by an override, so that tuning leaves its configuration alone. */
    public boolean fixedRate(CellSpec cell) {
        CellOverride o = overrideFor(cell);
        return o != null && o.learningRate() != null;
    }

    /** A suite compared by the default analysis. */
    public SuiteSpec(String name, String description, Axes axes, TrainingSettings training, TuningSpec tuning) {
        this(name, description, axes, training, tuning, null, null);
    }

    /**
     * What {@code -Dshard} splits this suite's grid by: the cell's id, or with tuning its configuration's
     * ({@link CellSpec#tuningId()}), so that a configuration's tuning cells and the final cells they decide
     * are in one shard.
     */
    public String shardKey(CellSpec cell) {
        return tuning == null ? cell.id() : cell.tuningId();
    }

    /** What a cell of this suite is for; a cell at a rate an override fixes is a grid cell, never tuned. */
    public CellPhase phaseOf(CellSpec cell) {
        if (tuning == null || fixedRate(cell)) {
            return CellPhase.GRID;
        }
        return tuning.seeds().contains(cell.seed()) ? CellPhase.TUNING : CellPhase.TUNED;
    }

    /**
     * 16 hex digits of SHA-256 over the settings that decide what a cell measures: every axis but the
     * seeds, and every training setting. Left out: the seeds (two runs with other seeds are repetitions
     * of the same experiment, compared on the seeds they share), and the name and description (they
     * change no number; {@link CellSpec#id()} leaves the name out for the same reason). Two runs are
     * comparable exactly when their fingerprints are equal.
     */
    public String settingsFingerprint() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("initbench-settings-v1\n" + settings())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The settings of {@link #settingsFingerprint()} in which this suite and {@code other} differ, one
     * entry each, e.g. {@code axes.learningRate: [0.1] vs [0.2]} (this suite's value first).
     */
    public List<String> settingsDifferences(SuiteSpec other) {
        ObjectNode mine = settings();
        ObjectNode theirs = other.settings();
        List<String> out = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        mine.fieldNames().forEachRemaining(groups::add);
        theirs.fieldNames().forEachRemaining(groups::add);
        for (String group : groups) {
            if (!mine.path(group).isObject() && !theirs.path(group).isObject()) {
                // a list (the overrides) differs as a whole
                if (!mine.path(group).equals(theirs.path(group))) {
                    out.add(group + ": " + show(mine.path(group)) + " vs " + show(theirs.path(group)));
                }
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            mine.path(group).fieldNames().forEachRemaining(keys::add);
            theirs.path(group).fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode a = mine.path(group).path(key);
                JsonNode b = theirs.path(group).path(key);
                if (!a.equals(b)) {
                    out.add(group + "." + key + ": " + show(a) + " vs " + show(b));
                }
            }
        }
        return out;
    }

    private ObjectNode settings() {
        ObjectNode tree = SpecJson.json().valueToTree(this);
        // the analysis changes no cell, only the statistics drawn from them
        tree.remove(List.of("name", "description", "analysis"));
        ((ObjectNode) tree.get("axes")).remove("seed");
        return tree;
    }

    private static String show(JsonNode n) {
        return n.isMissingNode() ? "(none)" : n.isTextual() ? n.asText() : n.toString().replace("\"", "");
    }
}
