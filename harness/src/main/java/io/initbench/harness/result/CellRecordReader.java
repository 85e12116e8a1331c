package io.initbench.harness.result;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.List;

/**
 * Reads a {@code cells.jsonl} line into a {@link CellRecord}. The line is flat and the record grouped, and
 * Jackson 2.17 cannot pass {@code @JsonUnwrapped} values to a record's constructor (that came with 2.19,
 * jackson-databind issue 1467), so this reader does what the annotation does when writing, in reverse: each
 * unwrapped group is bound from the whole line (its fields are among the line's; the others it ignores),
 * each other component from its field. A line of an older format is first upgraded by
 * {@link RecordMigration}, whichever mapper reads it.
 */
final class CellRecordReader extends StdDeserializer<CellRecord> {
    CellRecordReader() {
        super(CellRecord.class);
    }

    @Override
    public CellRecord deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode line = RecordMigration.cell(ctxt.readTree(p));
        JavaType curveType = ctxt.getTypeFactory().constructCollectionType(List.class, CurvePoint.class);
        int formatVersion = field(ctxt, line, "formatVersion", ctxt.constructType(int.class));
        CellRecord.Identity identity = ctxt.readTreeAsValue(line, CellRecord.Identity.class);
        CellRecord.Outcome outcome = ctxt.readTreeAsValue(line, CellRecord.Outcome.class);
        Metrics metrics = field(ctxt, line, "metrics", ctxt.constructType(Metrics.class));
        List<CurvePoint> curve = field(ctxt, line, "curve", curveType);
        Diagnostics diagnostics = field(ctxt, line, "diagnostics", ctxt.constructType(Diagnostics.class));
        CellRecord.Execution execution = ctxt.readTreeAsValue(line, CellRecord.Execution.class);
        Provenance provenance = field(ctxt, line, "provenance", ctxt.constructType(Provenance.class));
        try {
            return new CellRecord(formatVersion, identity, outcome, metrics, curve, diagnostics, execution,
                    provenance);
        } catch (RuntimeException e) {
            // as Jackson reports a constructor that refuses its values: a mapping error, which names the line
            throw ctxt.instantiationException(CellRecord.class, e);
        }
    }

    /** The named field of the line bound to {@code type}; a missing or null field reads as Jackson reads it. */
    private static <T> T field(DeserializationContext ctxt, JsonNode line, String name, JavaType type)
            throws IOException {
        JsonNode value = line.get(name);
        if (value == null || value.isNull()) {
            @SuppressWarnings("unchecked")
            T absent = (T) ctxt.findRootValueDeserializer(type).getAbsentValue(ctxt);
            return absent;
        }
        return ctxt.readTreeAsValue(value, type);
    }
}
