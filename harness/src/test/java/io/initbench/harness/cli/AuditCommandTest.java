package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.initbench.harness.spec.SpecJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit command's exit codes and files: known deviations pass, anything new fails. */
class AuditCommandTest {
    @TempDir
    Path dir;

    private Map<String, String> suiteAudit(String out, String inits) {
        return Map.of("command", "audit", "suite", "smoke", "architecture", "cnn", "weightInit", inits,
                "activation", "RELU", "seeds", "1", "out", dir.resolve(out).toString());
    }

    @Test
    void networkAuditExitsZeroOnKnownDeviationsAndOneWithoutTheList() throws Exception {
        assertEquals(0, TestRuns.audit(TestRuns.cli(dir, suiteAudit("a", "XAVIER,LECUN_UNIFORM,XAVIER_LEGACY"))));
        JsonNode json = SpecJson.json().readTree(dir.resolve("a/audit.json").toFile());
        assertEquals(0, json.get("newDeviations").asInt());
        assertTrue(json.get("knownDeviations").asInt() >= 5, json.toString());
        assertEquals(12, json.get("rows").size(), "3 configurations × (2 conv + dense + output)");
        assertTrue(Files.readString(dir.resolve("a/audit.md")).contains("KNOWN_DEVIATION"));

        Path empty = Files.writeString(dir.resolve("none.yaml"), "deviations: []\n");
        Map<String, String> strict = new java.util.HashMap<>(suiteAudit("b", "LECUN_UNIFORM"));
        strict.put("audit.knownDeviations", empty.toString());
        assertEquals(1, TestRuns.audit(TestRuns.cli(dir, strict)));
    }

    @Test
    void aBrokenKnownDeviationsFileIsBadInput() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "deviations:\n  - init: NOT_AN_INIT\n    layers: ANY\n"
                + "    varianceRatio: 3\n    tolerance: 0.03\n    reason: typo\n");
        Map<String, String> props = new java.util.HashMap<>(suiteAudit("c", "XAVIER"));
        props.put("audit.knownDeviations", bad.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestRuns.audit(TestRuns.cli(dir, props)));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("NOT_AN_INIT"), e.getMessage());
    }
}
