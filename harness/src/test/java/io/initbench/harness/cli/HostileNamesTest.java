package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initbench.harness.result.ResultJson;
import io.initbench.harness.result.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory named like a script URL and a description full of markup stay inert in every report. */
class HostileNamesTest {
    private static final String DESCRIPTION = "<script>alert(1)</script> | col [x](javascript:alert(2))\nsecond line";

    @TempDir
    Path tmp;

    @Test
    void reportsOfAHostileRunNeitherLinkToASchemeNorCarryMarkup() throws Exception {
        Path suiteDir = tmp.resolve("results/smoke");
        Path run = TestRuns.copyOfSmokeRun(suiteDir.resolve("javascript:alert(document.domain)"));
        ObjectNode suite = (ObjectNode) ResultJson.mapper().readTree(run.resolve(RunStore.SUITE).toFile());
        suite.put("description", DESCRIPTION);
        Files.writeString(run.resolve(RunStore.SUITE), suite.toString());

        assertEquals(Cli.EXIT_OK, TestRuns.cli(tmp, Map.of("command", "report", "run", run.toString()))
                .run(new String[0]));
        String html = Files.readString(suiteDir.resolve("index.html"));
        assertTrue(html.contains("href=\"./javascript%3Aalert%28document.domain%29/report.html\""), html);
        assertFalse(html.contains("href=\"javascript"), html);
        String md = Files.readString(suiteDir.resolve("index.md"));
        assertTrue(md.contains("](./javascript%3Aalert%28document.domain%29/report.html)"), md);
        String matrix = Files.readString(run.resolve("matrix.md"));
        assertFalse(matrix.contains("<script>") || matrix.replace("\\]", "").contains("](javascript"), matrix);
        assertTrue(matrix.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| col \\[x\\](javascript:alert(2)) second line"),
                matrix);
        String report = Files.readString(run.resolve("report.html"));
        assertFalse(report.contains("<script>"), "report.html carries a script tag");
    }
}
