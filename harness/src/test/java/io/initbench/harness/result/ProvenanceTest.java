package io.initbench.harness.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    @Test
    void recordsWithoutLayerPathNativeBuildAndHelpersStillRead() throws Exception {
        ObjectMapper m = ResultJson.mapper();
        Provenance p = new Provenance(new Provenance.Software("v", "c", false, "d", "b", Map.of(),
                "linux-x86_64-onednn-avx2", "fast", false, "jvm"), new Provenance.Machine("cpu", 2, null, "os", "h"),
                new Provenance.Run("s", "r", "now", 1, 1), List.of());
        ObjectNode json = m.valueToTree(p);
        assertEquals(p, m.treeToValue(json, Provenance.class));
        ((ObjectNode) json.get("software")).remove(List.of("layers", "nativeBuild", "dl4jHelpers"));
        Provenance old = m.treeToValue(json, Provenance.class);
        assertNull(old.software().layers());
        assertNull(old.software().nativeBuild());
        assertNull(old.software().dl4jHelpers());
        assertEquals(p.run(), old.run());
    }

    @Test
    void collectedProvenanceNamesTheLoadedNativeBuildAndTheLayerPath() {
        Provenance p = ProvenanceCollector.collect("s", "r", Path.of("."), List.of(), 1, 1, Instant.EPOCH, "stock");
        Provenance.Software sw = p.software();
        assertEquals("stock", sw.layers());
        assertNotNull(sw.nativeBuild(), "JavaCPP has loaded libnd4j by now");
        assertTrue(sw.nativeBuild().startsWith("linux-") || sw.nativeBuild().startsWith("macosx-")
                || sw.nativeBuild().startsWith("windows-"), sw.nativeBuild());
        assertFalse(sw.dl4jHelpers(), "DL4J's helpers are off unless asked for");
        assertEquals(new Provenance.Run("s", "r", Instant.EPOCH.toString(), 1, 1), p.run());
    }
}
