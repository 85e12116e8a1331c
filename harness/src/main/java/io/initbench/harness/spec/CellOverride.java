package io.initbench.harness.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings for part of a suite's grid: the cells whose axis values match {@code when} train with
 * {@code training} merged over the suite's training settings, and, with {@code learningRate}, at that rate.
 * A suite states one budget for every cell; a published comparison may need another for one activation
 * (a deep sigmoid net sits on a plateau for longer than the budget that trains tanh), and running that
 * part as a separate suite would split one question over two result directories.
 *
 * <p>With {@code learningRate} in a tuned suite the matching configurations are <b>not tuned</b>: they
 * have no tuning cells and their final seeds train at this rate (the report lists them as fixed, with
 * {@code reason}). Without tuning, the rate replaces the {@code learningRate} axis for them.
 *
 * <p>The settings that decide which images every cell is scored on ({@link #DATA_SETTINGS}) cannot be
 * overridden: cells scored on other images could not be compared. Overrides that match the same cell are
 * refused ({@link SuiteSpec#overrideFor}), so the order of the list never decides a setting.
 *
 * @param when         axis → values, spelled as in {@code axes} (written back canonically); a cell matches
 *                     when its value of every axis named is one of those listed. Not {@code seed} or
 *                     {@code learningRate}.
 * @param learningRate the rate of the matching cells; null = the suite's (tuned, or the axis)
 * @param training     training settings of the matching cells, a partial {@code training} mapping; null = the
 *                     suite's
 * @param reason       why these cells differ: the report prints it beside the override
 */
public record CellOverride(Map<String, List<String>> when,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double learningRate,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ObjectNode training,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason) {

    /** Training settings that select the validation and test images: the same for every cell of a suite. */
    public static final Set<String> DATA_SETTINGS = Set.of("validationSize", "dataSeed", "testSize");

    private static final Set<String> NOT_MATCHED = Set.of("seed", "learningRate");

    public CellOverride {
        if (when == null || when.isEmpty()) {
            throw new SuiteException("overrides: an override needs 'when', the axis values of the cells it changes,"
                    + " e.g. when: {activation: [SIGMOID]}");
        }
        Map<String, List<String>> canonical = new LinkedHashMap<>();
        for (var e : when.entrySet()) {
            canonical.put(e.getKey(), canonicalValues(e.getKey(), e.getValue()));
        }
        // in the file's order, so that suite.json reads as the suite file does
        when = java.util.Collections.unmodifiableMap(canonical);
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new SuiteException("overrides (when " + when + "): learningRate " + learningRate
                    + " is not a valid rate; give a positive number");
        }
        if (training != null) {
            for (Iterator<String> it = training.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (DATA_SETTINGS.contains(key)) {
                    throw new SuiteException("overrides (when " + when + "): training." + key + " cannot differ"
                            + " between cells: " + DATA_SETTINGS + " choose the images every cell is validated and"
                            + " tested on, so cells with other values could not be compared; set it in the suite's"
                            + " training section");
                }
            }
            training = training.deepCopy();
        }
        if (learningRate == null && (training == null || training.isEmpty())) {
            throw new SuiteException("overrides (when " + when + "): the override changes nothing; give"
                    + " learningRate and/or training settings");
        }
        reason = reason == null ? "" : reason.trim();
    }

    /** Whether {@code cell}'s axis values match {@link #when}. */
    public boolean matches(CellSpec cell) {
        for (var e : when.entrySet()) {
            if (!e.getValue().contains(Parameter.named(e.getKey()).label(cell))) {
                return false;
            }
        }
        return true;
    }

    /** {@code base} with this override's training settings; a SuiteException when a value is not valid. */
    public TrainingSettings apply(TrainingSettings base) {
        if (training == null) {
            return base;
        }
        ObjectMapper json = SpecJson.json();
        ObjectNode merged = json.valueToTree(base);
        merged.setAll(training);
        try {
            return json.treeToValue(merged, TrainingSettings.class);
        } catch (JsonProcessingException e) {
            throw new SuiteException("overrides (when " + when + "): training " + training + " is not valid: "
                    + causeOf(e), e);
        }
    }

    /** "activation SIGMOID" (axes in {@link Parameter} order). */
    public String label() {
        List<String> parts = new ArrayList<>();
        for (Parameter p : Parameter.axes()) {
            List<String> v = when.get(p.key());
            if (v != null) {
                parts.add(p.key() + " " + String.join("/", v));
            }
        }
        return String.join(", ", parts);
    }

    /**
     * The values as the axis's labels: each is bound by the same deserializer as {@code axes.<key>}, so a
     * misspelling fails here with the axis's own message, and the cell's label is then compared by text.
     */
    private static List<String> canonicalValues(String key, List<String> values) {
        Parameter axis = Parameter.axes().stream().filter(p -> p.key().equals(key)).findFirst().orElse(null);
        if (axis == null || NOT_MATCHED.contains(key)) {
            throw new SuiteException("overrides: 'when' names '" + key + "', which is not an axis it can match; use"
                    + " one of " + Parameter.axes().stream().map(Parameter::key).filter(k -> !NOT_MATCHED.contains(k))
                    .toList() + " (the seeds repeat one configuration, and the rate is what an override sets)");
        }
        if (values == null || values.isEmpty() || values.contains(null)) {
            throw new SuiteException("overrides: when." + key + " lists no value; give the " + key + " values of"
                    + " the cells to change, e.g. [" + axis.values(Axes.DEFAULTS).get(0) + "]");
        }
        ObjectMapper json = SpecJson.json();
        ObjectNode tree = json.valueToTree(Axes.DEFAULTS);
        ArrayNode list = tree.putArray(key);
        values.forEach(list::add);
        Axes parsed;
        try {
            parsed = json.treeToValue(tree, Axes.class);
        } catch (JsonProcessingException e) {
            throw new SuiteException("overrides: when." + key + " " + values + ": " + causeOf(e), e);
        }
        List<String> out = new ArrayList<>();
        for (Object v : axis.values(parsed)) {
            out.add(labelOf(axis, v));
        }
        return List.copyOf(out);
    }

    /** The label a cell with {@code value} on {@code axis} would have (the default cell, that one axis set). */
    private static String labelOf(Parameter axis, Object value) {
        // a training subset, so that a user dataset (whose size is unknown here) makes a valid cell too
        CellSpec.Draft d = new CellSpec.Draft(TrainingSettings.DEFAULTS.withBudget(1, 1));
        for (Parameter p : Parameter.axes()) {
            p.sweep().put().accept(d, p.values(Axes.DEFAULTS).get(0));
        }
        axis.sweep().put().accept(d, value);
        return axis.label(d.build());
    }

    /** The record's own message (a SuiteException from a compact constructor) or Jackson's. */
    private static String causeOf(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof SuiteException ? root.getMessage() : e.getOriginalMessage();
    }
}
