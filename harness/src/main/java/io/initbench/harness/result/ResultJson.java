package io.initbench.harness.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.initbench.harness.spec.SpecJson;

/** The JSON mapper for result files. Doubles are never NaN in records (non-finite becomes null). */
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
        return m;
    }
}
