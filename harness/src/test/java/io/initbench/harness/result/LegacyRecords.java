package io.initbench.harness.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes current records the way formats 3 and 4 wrote them (format 4: the learning rate among the training
 * settings; format 3 also metrics and provenance flat, field for field in the old order and names),
 * independently of {@link RecordMigration}: tests read these back to prove the migration puts every value
 * where it belongs.
 */
public final class LegacyRecords {
    private LegacyRecords() {
    }

    /** Format 3's metrics fields, in its order: {old name, group, current name}. */
    private static final String[][] METRICS = {
            {"finalAccuracy", "accuracy", "finalTest"}, {"bestAccuracy", "accuracy", "best"},
            {"finalTrainLoss", "accuracy", "finalTrainLoss"}, {"initialAccuracy", "accuracy", "initial"},
            {"iterationsToTarget", "convergence", "iterationsToTarget"},
            {"samplesToTarget", "convergence", "samplesToTarget"},
            {"secondsToTarget", "convergence", "secondsToTarget"}, {"auc", "convergence", "auc"},
            {"divergedAtIteration", "convergence", "divergedAtIteration"}, {"iterations", "timing", "iterations"},
            {"samples", "timing", "samples"}, {"trainSeconds", "timing", "trainSeconds"},
            {"evalSeconds", "timing", "evalSeconds"}, {"wallSeconds", "timing", "wallSeconds"},
            {"samplesPerSecond", "timing", "samplesPerSecond"}, {"parameterCount", null, "parameterCount"},
            {"finalValidationAccuracy", "accuracy", "finalValidation"}};

    /** Format 3's provenance fields, in its order: {name, group}. */
    private static final String[][] PROVENANCE = {
            {"suite", "run"}, {"runId", "run"}, {"gitCommit", "software"}, {"gitDirty", "software"},
            {"initbenchVersion", "software"}, {"dl4jVersion", "software"}, {"backend", "software"},
            {"backendInfo", "software"}, {"cpuModel", "machine"}, {"logicalCores", "machine"}, {"gpu", "machine"},
            {"jvm", "software"}, {"os", "machine"}, {"hostname", "machine"}, {"workers", "run"},
            {"threadsPerWorker", "run"}, {"datasets", null}, {"startedAt", "run"}, {"layers", "software"},
            {"nativeBuild", "software"}, {"dl4jHelpers", "software"}};

    /** A current cell record's JSON as format 4 wrote it: the rate second among the training settings. */
    public static ObjectNode cellV4(JsonNode current) {
        ObjectNode out = current.deepCopy();
        out.put("formatVersion", 4);
        ObjectNode cell = JsonNodeFactory.instance.objectNode();
        current.get("cell").fields().forEachRemaining(f -> {
            if (f.getKey().equals("training")) {
                ObjectNode training = cell.putObject("training");
                f.getValue().fields().forEachRemaining(t -> {
                    training.set(t.getKey(), t.getValue());
                    if (t.getKey().equals("optimizer")) {
                        training.set("learningRate", current.at("/cell/learningRate"));
                    }
                });
            } else if (!f.getKey().equals("learningRate")) {
                cell.set(f.getKey(), f.getValue());
            }
        });
        out.set("cell", cell);
        return out;
    }

    /** A current cell record's JSON as format 3 wrote it. */
    public static ObjectNode cellV3(JsonNode current) {
        ObjectNode out = cellV4(current);
        out.put("formatVersion", 3);
        out.set("metrics", flatten(current.get("metrics"), METRICS));
        if (current.get("provenance") instanceof ObjectNode p) {
            out.set("provenance", provenanceV3(p));
        }
        return out;
    }

    /** A current provenance ({@code metadata.json}) as format 3 wrote it. */
    public static ObjectNode provenanceV3(JsonNode current) {
        String[][] fields = new String[PROVENANCE.length][];
        for (int i = 0; i < PROVENANCE.length; i++) {
            fields[i] = new String[]{PROVENANCE[i][0], PROVENANCE[i][1], PROVENANCE[i][0]};
        }
        return flatten(current, fields);
    }

    private static ObjectNode flatten(JsonNode grouped, String[][] fields) {
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        for (String[] f : fields) {
            JsonNode from = f[1] == null ? grouped : grouped.get(f[1]);
            flat.set(f[0], from.get(f[2]));
        }
        return flat;
    }
}
