package io.initbench.harness.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads records of older formats as the current one, by rewriting their JSON tree before it is bound:
 * the one place that knows how a layout changed, so the record types only know the current layout.
 * {@link ResultJson#mapper()} applies it to every {@link CellRecord} and {@link Provenance} it reads, and
 * {@link RunMetadata} to a run's {@code suite.json}.
 *
 * <p>Versions 1 to 3 wrote {@code metrics} and {@code provenance} flat; version 4 groups them. Versions 1 to
 * 4 kept the cell's learning rate among its training settings ({@code cell.training.learningRate});
 * version 5 has it in the cell, beside the other axes ({@code cell.learningRate}). A cell record is keyed
 * on its {@code formatVersion} and upgraded one step after the other. {@code metadata.json} carries no
 * version, so a provenance is keyed on its shape: without a {@code software} group it was written flat,
 * before version 4.
 *
 * <p>An upgraded record reads as a current one (its {@code formatVersion} becomes
 * {@link CellRecord#FORMAT_VERSION}): what is written from it, e.g. by a merge, is in the current layout.
 */
public final class RecordMigration {
    private RecordMigration() {
    }

    /** First version whose metrics and provenance are grouped. */
    static final int GROUPED = 4;
    /** First version whose cell carries its learning rate beside the other axes, not in its training settings. */
    static final int RATE_IN_CELL = 5;

    /** Version 3 metrics field names, by the group and name they have from version 4 on. */
    private static final Map<String, Map<String, String>> METRICS_GROUPS = Map.of(
            "accuracy", Map.of("finalTest", "finalAccuracy", "finalValidation", "finalValidationAccuracy",
                    "best", "bestAccuracy", "initial", "initialAccuracy", "finalTrainLoss", "finalTrainLoss"),
            "convergence", same("iterationsToTarget", "samplesToTarget", "secondsToTarget", "auc",
                    "divergedAtIteration"),
            "timing", same("iterations", "samples", "trainSeconds", "evalSeconds", "wallSeconds", "samplesPerSecond"));

    /** Flat provenance field names by the group they have from version 4 on (names unchanged). */
    private static final Map<String, Map<String, String>> PROVENANCE_GROUPS = Map.of(
            "software", same("initbenchVersion", "gitCommit", "gitDirty", "dl4jVersion", "backend", "backendInfo",
                    "nativeBuild", "layers", "dl4jHelpers", "jvm"),
            "machine", same("cpuModel", "logicalCores", "gpu", "os", "hostname"),
            "run", same("suite", "runId", "startedAt", "workers", "threadsPerWorker"));

    /** A cell record's tree in the current layout (the tree itself when it already is). */
    public static JsonNode cell(JsonNode tree) {
        if (!(tree instanceof ObjectNode record)) {
            return tree;
        }
        int version = record.path("formatVersion").asInt(CellRecord.FORMAT_VERSION);
        if (version >= CellRecord.FORMAT_VERSION) {
            return tree;
        }
        ObjectNode out = record.deepCopy();
        if (version < GROUPED) {
            if (out.get("metrics") instanceof ObjectNode flat) {
                out.set("metrics", group(flat, METRICS_GROUPS));
            }
            if (out.get("provenance") instanceof ObjectNode flat) {
                out.set("provenance", group(flat, PROVENANCE_GROUPS));
            }
        }
        if (version < RATE_IN_CELL && out.get("cell") instanceof ObjectNode cell) {
            out.set("cell", rateInCell(cell));
        }
        out.put("formatVersion", CellRecord.FORMAT_VERSION);
        return out;
    }

    /**
     * A cell of versions 1 to 4 with its {@code training.learningRate} moved up, where version 5 writes it:
     * after {@code biasInit}, the place of {@link io.initbench.harness.spec.CellSpec#learningRate()}.
     */
    private static ObjectNode rateInCell(ObjectNode cell) {
        if (!(cell.get("training") instanceof ObjectNode training) || !training.has("learningRate")) {
            return cell;
        }
        ObjectNode rest = training.deepCopy();
        JsonNode rate = rest.remove("learningRate");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        cell.fields().forEachRemaining(f -> {
            if (f.getKey().equals("training")) {
                out.set("training", rest);
            } else {
                out.set(f.getKey(), f.getValue());
            }
            if (f.getKey().equals("biasInit")) {
                out.set("learningRate", rate);
            }
        });
        // a cell without biasInit (never written, but readable) still gets its rate
        if (!out.has("learningRate")) {
            out.set("learningRate", rate);
        }
        return out;
    }

    /**
     * A run's {@code suite.json} tree in the current layout. Written before record format 5,
     * {@code training.learningRate} held the rate: the only one before the rate was an axis, then a copy of
     * the axis's first value; it moves to {@code axes.learningRate} where the axes lack one.
     */
    public static JsonNode suite(JsonNode tree) {
        if (tree.get("training") instanceof ObjectNode training && training.has("learningRate")) {
            JsonNode rate = training.remove("learningRate");
            if (tree.get("axes") instanceof ObjectNode axes && !axes.has("learningRate")) {
                axes.putArray("learningRate").add(rate);
            }
        }
        return tree;
    }

    /** A provenance tree ({@code metadata.json}, or inside a cell record) in the current layout. */
    public static JsonNode provenance(JsonNode tree) {
        if (!(tree instanceof ObjectNode flat) || flat.has("software")) {
            return tree;
        }
        return group(flat, PROVENANCE_GROUPS);
    }

    /** Moves the named fields of {@code flat} into their groups; the rest stay where they are. */
    private static ObjectNode group(ObjectNode flat, Map<String, Map<String, String>> groups) {
        ObjectNode rest = flat.deepCopy();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        groups.forEach((name, fields) -> {
            ObjectNode g = out.putObject(name);
            fields.forEach((to, from) -> {
                JsonNode v = rest.remove(from);
                if (v != null) {
                    g.set(to, v);
                }
            });
        });
        out.setAll(rest);
        return out;
    }

    private static Map<String, String> same(String... names) {
        return Stream.of(names).collect(Collectors.toUnmodifiableMap(n -> n, n -> n));
    }
}
