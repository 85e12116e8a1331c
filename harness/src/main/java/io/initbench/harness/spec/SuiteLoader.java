package io.initbench.harness.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads a suite by built-in name or file path, merges it over the named defaults
 * ({@link Axes#DEFAULTS}, {@link TrainingSettings#DEFAULTS}), applies {@code -D} overrides and binds
 * the result to validating records.
 */
public final class SuiteLoader {
    /** Built-in suites, shipped as {@code /suites/<name>.yaml}. */
    public static final List<String> BUILT_IN = List.of("smoke", "relu-vs-tanh", "symmetry", "deep-signal",
            "glorot-2010", "glorot-2010-sigmoid", "he-2015-deep-relu", "ioffe-2015-bn", "cifar10-cnn");

    /**
     * Override property → path in the suite tree. Axis overrides take comma-separated lists; commas
     * inside parentheses belong to the value ({@code -DweightInit=XAVIER,NORMAL(0,0.01)}).
     */
    public static final Map<String, String> OVERRIDES = overrides();

    private static Map<String, String> overrides() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Parameter p : Parameter.ALL) {
            p.overrides().forEach(o -> m.put(o, p.path()));
        }
        for (String t : List.of("learningRates", "seeds", "metric", "minRate", "maxRate", "epochs", "trainSize")) {
            m.put("tuning." + t, "tuning." + t);
        }
        m.put("analysis.margin", "analysis.margin");
        // -Dtuning=off trains the suite without tuning, at axes.learningRate
        m.put("tuning", "tuning");
        return Map.copyOf(m);
    }

    /** Largest suite file read (1 MiB; the built-in suites are under 2 KiB). */
    public static final long MAX_FILE_BYTES = 1 << 20;

    private final ObjectMapper yaml = SpecJson.yaml();
    private final ObjectMapper json = SpecJson.json();

    /**
     * @param suite     a built-in name or a path to a {@code .yaml}/{@code .yml}/{@code .json} file
     * @param overrides system properties; keys not in {@link #OVERRIDES} are ignored
     */
    public SuiteSpec load(String suite, Map<String, String> overrides) {
        if (suite == null || suite.isBlank()) {
            throw new SuiteException("no suite given; pass -Dsuite=<name or file>. Built-in suites: " + BUILT_IN);
        }
        String source;
        JsonNode tree;
        if (BUILT_IN.contains(suite)) {
            source = "built-in suite " + suite;
            try (InputStream in = SuiteLoader.class.getResourceAsStream("/suites/" + suite + ".yaml")) {
                if (in == null) {
                    throw new IllegalStateException("built-in suite resource /suites/" + suite + ".yaml is missing");
                }
                tree = parse(yaml, in.readAllBytes(), source);
            } catch (IOException e) {
                throw new SuiteException("cannot read " + source + ": " + e.getMessage(), e);
            }
        } else {
            Path file = Path.of(suite);
            source = "suite file " + file;
            if (Files.isDirectory(file)) {
                throw new SuiteException("suite '" + suite + "' is a directory (" + file.toAbsolutePath()
                        + "), not a suite file; pass -Dsuite=<file.yaml> or a built-in suite " + BUILT_IN);
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a device, FIFO or socket: reading it could block or never end
                throw new SuiteException("suite '" + suite + "' is not a regular file (" + file.toAbsolutePath()
                        + " is a device, FIFO or socket); pass -Dsuite=<file.yaml> or a built-in suite " + BUILT_IN);
            }
            if (!Files.isRegularFile(file)) {
                throw new SuiteException("unknown suite '" + suite + "': not a built-in suite " + BUILT_IN
                        + " and no such file " + file.toAbsolutePath());
            }
            try {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    // checked before reading: parsing a huge file costs seconds to minutes of CPU first
                    throw new SuiteException(source + " is " + size + " bytes, more than the " + MAX_FILE_BYTES
                            + " a suite file may have; a suite lists axis values, not data: shrink it");
                }
                byte[] bytes = Files.readAllBytes(file);
                tree = parse(file.toString().endsWith(".json") ? json : yaml, bytes, source);
            } catch (IOException e) {
                throw new SuiteException("cannot read " + source + ": " + e.getMessage(), e);
            }
            if (tree instanceof ObjectNode o && !o.has("name")) {
                String base = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
                o.put("name", base);
            }
        }
        return bind(tree, overrides, source);
    }

    /**
     * Parses and binds a suite file's content (YAML, or JSON, a subset of it); {@code source} names it in
     * errors. Every problem is a {@link SuiteException}; a name, when the content lacks one, is {@code name}.
     */
    public SuiteSpec parse(byte[] content, String source, String name, Map<String, String> overrides) {
        JsonNode tree = parse(yaml, content, source);
        if (tree instanceof ObjectNode o && !o.has("name")) {
            o.put("name", name);
        }
        return bind(tree, overrides, source);
    }

    /** Binds an already-parsed suite tree (used by tests and by {@link #load}). */
    public SuiteSpec bind(JsonNode tree, Map<String, String> overrides, String source) {
        if (!(tree instanceof ObjectNode root)) {
            throw new SuiteException(source + ": a suite must be a mapping with name, axes and training");
        }
        ObjectNode merged = root.deepCopy();
        moveRateToAxis(merged, source);
        mergeDefaults(merged, "axes", yaml.valueToTree(Axes.DEFAULTS), source);
        mergeDefaults(merged, "training", yaml.valueToTree(TrainingSettings.DEFAULTS), source);
        List<String> applied = applyOverrides(merged, overrides);
        if (merged.hasNonNull("tuning")) {
            mergeDefaults(merged, "tuning", yaml.createObjectNode().put("metric", TUNING_METRIC.name()), source);
        }
        try {
            return yaml.treeToValue(merged, SuiteSpec.class);
        } catch (JsonProcessingException e) {
            throw new SuiteException(source + (applied.isEmpty() ? "" : " (with overrides " + applied + ")") + ": "
                    + describe(e), e);
        }
    }

    /** What tuning chooses the rate by when a suite does not say. */
    public static final TuningSpec.Metric TUNING_METRIC = TuningSpec.Metric.FINAL_VALIDATION;

    /**
     * {@code training.learningRate: x} is shorthand for {@code axes.learningRate: [x]} (the rate is an axis);
     * giving both is ambiguous and refused.
     */
    private static void moveRateToAxis(ObjectNode root, String source) {
        if (root.get("training") instanceof ObjectNode t && t.has("learningRate")) {
            JsonNode rate = t.remove("learningRate");
            if (!rate.isNumber() && !(rate.isTextual() && rate.asText().trim().matches("[-+0-9.eE]+"))) {
                throw new SuiteException(source + ": training.learningRate: '" + rate.asText() + "' is not a number");
            }
            if (root.get("axes") instanceof ObjectNode a && a.has("learningRate")) {
                throw new SuiteException(source + ": the learning rate is given twice, as training.learningRate and"
                        + " axes.learningRate; keep axes.learningRate");
            }
            if (root.get("axes") == null || root.get("axes").isNull()) {
                root.putObject("axes");
            }
            if (root.get("axes") instanceof ObjectNode a) {
                a.putArray("learningRate").add(rate);
            }
        }
    }

    private static JsonNode parse(ObjectMapper mapper, byte[] bytes, String source) {
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new SuiteException(source + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                throw new SuiteException(source + ": a key is given twice in one mapping" + where + " ("
                        + message.replace("Duplicate field", "duplicate key") + "); the later one would silently"
                        + " replace the earlier: keep one of them", e);
            }
            throw new SuiteException(source + ": syntax error" + where + ": " + message, e);
        } catch (IOException e) {
            throw new SuiteException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static void mergeDefaults(ObjectNode root, String section, JsonNode defaults, String source) {
        JsonNode given = root.get(section);
        if (given != null && !given.isNull() && !given.isObject()) {
            throw new SuiteException(source + ": '" + section + "' must be a mapping");
        }
        ObjectNode merged = ((ObjectNode) defaults).deepCopy();
        if (given instanceof ObjectNode g) {
            for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                merged.set(e.getKey(), e.getValue());
            }
        }
        root.set(section, merged);
    }

    private static List<String> applyOverrides(ObjectNode root, Map<String, String> overrides) {
        List<String> applied = new ArrayList<>();
        for (var e : OVERRIDES.entrySet()) {
            String value = overrides.get(e.getKey());
            if (value == null) {
                continue;
            }
            applied.add("-D" + e.getKey() + "=" + value);
            if (e.getValue().equals("tuning")) {
                if (!List.of("off", "none", "false").contains(value.trim().toLowerCase(java.util.Locale.ROOT))) {
                    throw new SuiteException("-Dtuning=" + value + " is not valid; -Dtuning=off trains without tuning"
                            + " (set the tuning itself with -Dtuning.learningRates=, -Dtuning.seeds=, -Dtuning.metric=)");
                }
                root.remove("tuning");
                continue;
            }
            String[] path = e.getValue().split("\\.");
            if (!(root.get(path[0]) instanceof ObjectNode)) {
                root.putObject(path[0]);
            }
            ObjectNode section = (ObjectNode) root.get(path[0]);
            if (path[0].equals("axes") || e.getValue().equals("tuning.learningRates")
                    || e.getValue().equals("tuning.seeds")) {
                ArrayNode arr = section.putArray(path[1]);
                for (String v : splitTopLevel(value)) {
                    arr.add(v);
                }
            } else {
                section.put(path[1], value.trim());
            }
        }
        return applied;
    }

    /** Splits on commas that are not inside parentheses; blank items are kept so they fail validation. */
    public static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    private static String describe(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SuiteException s) {
            return s.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "' in " + path(u) + "; valid keys: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            Class<?> type = f.getTargetType();
            if (type != null && type.isEnum()) {
                return "at " + path(f) + ": unknown value '" + f.getValue() + "'; valid: " + java.util.Arrays
                        .stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            }
            if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
                return "at " + path(f) + ": '" + f.getValue() + "' is not a " + (type == double.class
                        || type == Double.class ? "number" : "whole number");
            }
        }
        if (e instanceof JsonMappingException m) {
            return "at " + path(m) + ": " + m.getOriginalMessage();
        }
        return e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "the top level" : sb.toString();
    }
}
