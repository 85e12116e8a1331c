package io.initbench.harness.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.initbench.datasets.DatasetRef;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nd4j.linalg.activations.Activation;

/**
 * Jackson wiring for spec types: initializers, activations and datasets are read by name
 * (case-insensitive, with the list of valid names on a miss) and written by their canonical label.
 */
public final class SpecJson {
    private SpecJson() {
    }

    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("initbench-spec");
        m.addDeserializer(InitSpec.class, byName(InitSpec::parse));
        m.addSerializer(InitSpec.class, labelled(InitSpec::label));
        m.addDeserializer(BiasSpec.class, byName(BiasSpec::parse));
        m.addSerializer(BiasSpec.class, labelled(BiasSpec::label));
        m.addDeserializer(DatasetRef.class, byName(DatasetRef::parse));
        m.addSerializer(DatasetRef.class, labelled(DatasetRef::key));
        m.addDeserializer(Activation.class, byName(SpecJson::activation));
        return m;
    }

    /** A YAML mapper (YAML is a superset of JSON) for suite files. */
    public static ObjectMapper yaml() {
        return configure(YAMLMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build());
    }

    /** A JSON mapper for suite files and results. */
    public static ObjectMapper json() {
        return configure(JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build());
    }

    /** Refuses what a suite author most likely did not mean. */
    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(module());
        // "axes: {width: [8], width: [16]}" or a second "axes:" block would silently replace the first
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // "learningRate: fast" must fail; "learningRate: '0.1'" from a -D override may be coerced
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    public static Activation activation(String name) {
        try {
            return Activation.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SuiteException("unknown activation '" + name + "'; valid: "
                    + Arrays.stream(Activation.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static <T> JsonDeserializer<T> byName(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                if (!p.currentToken().isScalarValue()) {
                    return ctx.reportInputMismatch(this, "expected a name, got " + p.currentToken());
                }
                try {
                    return parse.apply(p.getValueAsString());
                } catch (IllegalArgumentException | SuiteException e) {
                    return ctx.reportInputMismatch(this, e.getMessage());
                }
            }
        };
    }

    private static <T> JsonSerializer<T> labelled(Function<T, String> label) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(label.apply(value));
            }
        };
    }
}
