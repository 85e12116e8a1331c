package io.initbench.harness.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.output.Outputs;
import io.initbench.harness.report.ReportGoldenTest;
import io.initbench.harness.spec.SpecJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit.md} and {@code audit.json}, of both kinds of audit, against golden files made from rows
 * written out by hand (every verdict, a missing measurement, text that needs escaping). To accept an
 * intended format change: {@code -Dtest=AuditGoldenTest -Dgolden.update=true}, then review the diff of
 * src/test/resources/golden.
 */
class AuditGoldenTest {
    @TempDir
    Path tmp;

    static AuditResult.Initializers initializers() {
        return new AuditResult.Initializers(List.of(
                new InitAudit.Row("XAVIER", "dense 784×256", 784, 256,
                        new InitAudit.Expected("2/(fan_in+fan_out)", 0.0, 0.001923076923, 3.0),
                        new InitAudit.Measured(-1.2e-5, 0.0019187, 0.99773, 3.0123, ""), InitAudit.Verdict.PASS, null),
                new InitAudit.Row("LECUN_UNIFORM", "conv 3×3×16→32", 144, 288,
                        new InitAudit.Expected("1/fan_in", 0.0, 0.006944444444, 1.8),
                        new InitAudit.Measured(2.0e-4, 0.020861, 3.004, 1.7993, ""), InitAudit.Verdict.KNOWN_DEVIATION,
                        "draws U[-3/√fan_in, 3/√fan_in]: variance 3/fan_in"),
                new InitAudit.Row("SPARSE(0.1)", "dense 100×10", 100, 10.5,
                        new InitAudit.Expected("0.1·1/fan_in", 0.0, 0.001, null),
                        new InitAudit.Measured(0.0, Double.NaN, null, null, "non-zeros 0.1200 | expected 0.1000"),
                        InitAudit.Verdict.FAIL, "too many non-zeros\nsee <docs>"),
                new InitAudit.Row("IDENTITY", "dense 256×128", 256, 128, new InitAudit.Expected("none", null, null, null),
                        new InitAudit.Measured(0.0078, 0.0078, null, null, ""), InitAudit.Verdict.NO_CLAIM, null)),
                200_000, 42);
    }

    static AuditResult.Networks networks() {
        List<InitAudit.Row> rows = initializers().rows();
        return new AuditResult.Networks("smoke", List.of(
                new NetworkAudit.LayerRow("mnist cnn XAVIER RELU", 0, "ConvolutionLayer", rows.get(0)),
                new NetworkAudit.LayerRow("mnist cnn LECUN_UNIFORM RELU", 2, "DenseLayer", rows.get(1)),
                new NetworkAudit.LayerRow("PRETRAINED(a|b.zip) RELU", -1, "", rows.get(2))));
    }

    @Test
    void initializerAuditMatchesGolden() throws IOException {
        AuditResult a = initializers();
        assertEquals(1, a.failures());
        assertEquals(1, a.knownDeviations());
        ReportGoldenTest.assertGolden("audit.md", Outputs.render(AuditReport.MARKDOWN, a));
        ReportGoldenTest.assertGolden("audit.json", Outputs.render(AuditReport.JSON, a));
    }

    @Test
    void networkAuditMatchesGolden() throws IOException {
        AuditResult a = networks();
        ReportGoldenTest.assertGolden("audit-network.md", Outputs.render(AuditReport.MARKDOWN, a));
        ReportGoldenTest.assertGolden("audit-network.json", Outputs.render(AuditReport.JSON, a));
    }

    @Test
    void textThatWouldBreakTheTableIsEscaped() throws IOException {
        String md = Outputs.render(AuditReport.MARKDOWN, networks());
        assertTrue(md.contains("| PRETRAINED(a\\|b.zip) RELU |"), md);
        assertTrue(md.contains("too many non-zeros see &lt;docs&gt;"), md);
        // every table row has the header's 13 cells: no '|' of a label or note split one
        md.lines().filter(l -> l.startsWith("| ")).forEach(l -> assertEquals(14,
                l.replace("\\|", "").chars().filter(c -> c == '|').count(), l));
    }

    @Test
    void jsonHasTheCountsThatDecideTheExitCodeAndNullForNoMeasurement() throws IOException {
        var json = SpecJson.json().readTree(Outputs.render(AuditReport.JSON, initializers()));
        assertEquals("initializers on standard shapes", json.get("subject").asText());
        assertEquals(1, json.get("newDeviations").asInt());
        assertEquals(1, json.get("knownDeviations").asInt());
        assertEquals(4, json.get("rows").size());
        assertTrue(json.get("rows").get(2).get("measuredVariance").isNull(), json.toString());
    }

    @Test
    void bothFilesAreWrittenAtomicallyWithAPlainFileMode() throws IOException {
        Map<String, String> written = Outputs.write(tmp.resolve("audit"), initializers(), AuditReport.outputs());
        assertEquals(List.of("audit.md", "audit.json"), List.copyOf(written.keySet()));
        for (var e : written.entrySet()) {
            Path f = tmp.resolve("audit").resolve(e.getKey());
            assertEquals(e.getValue(), Files.readString(f));
            if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // what a plain new file gets under the umask: never the temp file's 0600
                assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        Files.writeString(tmp.resolve("plain"), ""))),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), e.getKey());
            }
        }
        try (var left = Files.list(tmp.resolve("audit"))) {
            assertEquals(2, left.count(), "no temp file left behind");
        }
    }
}
