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
        Provenance p = new Provenance("s", "r", "c", false, "v", "d", "b", Map.of(), "cpu", 2, null, "jvm", "os", "h", 1,
                1, List.of(), "now", "fast", "linux-x86_64-onednn-avx2", false);
        ObjectNode json = m.valueToTree(p);
        assertEquals(p, m.treeToValue(json, Provenance.class));
        json.remove(List.of("layers", "nativeBuild", "dl4jHelpers"));
        Provenance old = m.treeToValue(json, Provenance.class);
        assertNull(old.layers());
        assertNull(old.nativeBuild());
        assertNull(old.dl4jHelpers());
        assertEquals(p.suite(), old.suite());
    }

    @Test
    void collectedProvenanceNamesTheLoadedNativeBuildAndTheLayerPath() {
        Provenance p = ProvenanceCollector.collect("s", "r", Path.of("."), List.of(), 1, 1, Instant.EPOCH, "stock");
        assertEquals("stock", p.layers());
        assertNotNull(p.nativeBuild(), "JavaCPP has loaded libnd4j by now");
        assertTrue(p.nativeBuild().startsWith("linux-") || p.nativeBuild().startsWith("macosx-")
                || p.nativeBuild().startsWith("windows-"), p.nativeBuild());
        assertFalse(p.dl4jHelpers(), "DL4J's helpers are off unless asked for");
    }
}
