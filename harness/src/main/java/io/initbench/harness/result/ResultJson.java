package io.initbench.harness.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.initbench.harness.spec.SpecJson;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * The JSON mapper for result files. Doubles are never NaN in records (non-finite becomes null). Every
 * {@link CellRecord} (through {@link CellRecordReader}) and {@link Provenance} it reads passes through
 * {@link RecordMigration} first, so records of older formats bind to the current types whichever way they
 * are read.
 */
public final class ResultJson {
    private ResultJson() {
    }

    public static ObjectMapper mapper() {
        ObjectMapper m = SpecJson.json();
        m.setSerializationInclusion(JsonInclude.Include.ALWAYS);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        // newer writers may add fields; an older reader should still read what it knows
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // and a newer reader reads older records: a setting they predate reads as 0/false, which is what
        // it was then (validationSize 0 = no validation split, testOnCurve false)
        m.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.registerModule(migrations());
        return m;
    }

    private static SimpleModule migrations() {
        SimpleModule module = new SimpleModule("initbench-record-migration");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = bean.getBeanClass();
                // a CellRecord's own reader upgrades its line (CellRecordReader)
                return type == Provenance.class ? new Upgrading(deserializer, RecordMigration::provenance)
                        : deserializer;
            }
        });
        return module;
    }

    /** Binds the upgraded tree of a value with the type's own deserializer. */
    private static final class Upgrading extends DelegatingDeserializer {
        private final UnaryOperator<JsonNode> upgrade;

        Upgrading(JsonDeserializer<?> delegate, UnaryOperator<JsonNode> upgrade) {
            super(delegate);
            this.upgrade = upgrade;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Upgrading(delegate, upgrade);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = upgrade.apply(ctxt.readTree(p));
            try (JsonParser upgraded = tree.traverse(p.getCodec())) {
                upgraded.nextToken();
                return _delegatee.deserialize(upgraded, ctxt);
            }
        }
    }
}
