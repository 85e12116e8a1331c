package io.initbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.DatasetProvenance;
import io.initbench.harness.result.Diagnostics;
import io.initbench.harness.result.LayerScale;
import io.initbench.harness.result.LayerSignal;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.Axes;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellPhase;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.spec.TrainingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/**
 * Each report format against a golden file made from records drawn with a fixed seed. To accept an
 * intended format change: {@code mvn -pl harness test -Dtest=ReportGoldenTest -Dgolden.update=true},
 * then review the diff of src/test/resources/golden.
 */
public class ReportGoldenTest {

    public static RunResults fixture() {
        return fixture(20261123);
    }

    /** The fixture with accuracies, speeds and diagnostics drawn from {@code seed}: another "run" of it. */
    public static RunResults fixture(long seed) {
        Axes axes = new Axes(List.of(DatasetRef.of(DatasetId.MNIST)), List.of(Architecture.MLP), List.of(4), List.of(256),
                List.of(InitSpec.parse("ZERO"), InitSpec.parse("NORMAL(0,0.01)"), InitSpec.parse("RELU"),
                        InitSpec.parse("IDENTITY")),
                List.of(Activation.RELU, Activation.TANH), List.of(false, true), List.of(BiasSpec.parse("0")), List.of(0.1),
                List.of(1L, 2L));
        TrainingSettings t = TrainingSettings.DEFAULTS;
        SuiteSpec suite = new SuiteSpec("golden", "Fixture for the report writers.", axes, new TrainingSettings(
                t.optimizer(), t.batchSize(), 2, 100, 0.95, 0, 0,
                t.normalization(), 0, t.validationSize(), t.dataSeed(), t.testOnCurve()));
        Provenance p = new Provenance(
                new Provenance.Software("0.1.0", "abcdef0123456789", false, "1.0.0-M2.1", "CpuBackend",
                        Map.of("blas.vendor", "OPENBLAS"), null, null, null, "OpenJDK 17"),
                new Provenance.Machine("Test CPU", 2, null, "Linux", "host"),
                new Provenance.Run("golden", "20260101T000000Z-abcdef0", "2026-01-01T00:00:00Z", 2, 1),
                List.of(new DatasetProvenance("mnist", "train-images-idx3-ubyte.gz",
                        "0b367032e93c0b5f3cb61d4e7b5b6f5b0f8e9e4c62d2e4a5c0a3f2a4e1d0c9b8", true, "file:/m", "")));
        Random rnd = new Random(seed);
        List<CellRecord> records = new ArrayList<>();
        List<CellSpec> cells = Grid.cells(suite);
        for (int i = 0; i < cells.size(); i++) {
            CellSpec c = cells.get(i);
            Status status = c.weightInit().label().equals("IDENTITY") ? Status.SKIPPED
                    : c.weightInit().label().startsWith("NORMAL") && c.activation() == Activation.RELU && c.seed() == 2
                    && !c.batchNorm() ? Status.DIVERGED
                    : c.weightInit().label().equals("RELU") && c.activation() == Activation.TANH && c.seed() == 2
                    && c.batchNorm() ? Status.TIMEOUT : Status.OK;
            double acc = c.weightInit().label().equals("ZERO") ? 0.1135 : 0.9 + rnd.nextInt(900) / 10000.0;
            // evaluations every 100 iterations of 128 = 12,800 samples, within the 2-epoch budget of 120,000
            Long toTarget = acc >= 0.95 ? (long) (rnd.nextInt(100) % 9 + 1) * 12_800 : null;
            Metrics m = switch (status) {
                case SKIPPED -> Metrics.none(0.01);
                case DIVERGED -> new Metrics(Metrics.Accuracy.diverged(0.42, 0.098), Metrics.Convergence.diverged(37),
                        new Metrics.Timing(37, 4736, 0.5, 0.1, 0.7, 9472.0), 335114);
                // out of time after 300 iterations: its accuracy is from 38,400 samples, not the budget
                case TIMEOUT -> new Metrics(new Metrics.Accuracy(acc, acc + 0.0005, acc, 0.1, 0.4),
                        new Metrics.Convergence(null, null, null, acc - 0.1, null),
                        new Metrics.Timing(300, 38400, 4.0, 0.8, 5.0, 9600.0), 335114);
                default -> new Metrics(new Metrics.Accuracy(acc, acc + 0.0005, acc + 0.001, 0.1, 0.25),
                        new Metrics.Convergence(toTarget == null ? null : toTarget / 128, toTarget,
                                toTarget == null ? null : toTarget / 10000.0, acc - 0.05, null),
                        new Metrics.Timing(938, 120000, 12.5, 2.5, 15.25, 9600.0), 335114);
            };
            List<CurvePoint> curve = status == Status.SKIPPED ? List.of()
                    : status == Status.TIMEOUT ? List.of(new CurvePoint(0, 0, 0, null, null, 0.1),
                            new CurvePoint(300, 38400, 4.0, 0.4, acc, acc + 0.0005))
                    : List.of(new CurvePoint(0, 0, 0, null, null, 0.1),
                            new CurvePoint(938, 120000, 12.5, 0.25, acc, acc + 0.0005));
            boolean zero = c.weightInit().label().equals("ZERO");
            Diagnostics d = status == Status.SKIPPED ? Diagnostics.none() : new Diagnostics(List.of(0, 1, 2, 3, 4),
                    List.of(new LayerSignal(0, 0.0, zero ? 0.0 : 1.0, 0.5, zero ? 0.0 : 0.6, 0.01, null,
                            c.activation() == Activation.RELU ? rnd.nextInt(10) / 100.0 : null),
                            // deeper layers: N(0,0.01) shrinks the gradient 10× per layer, the others keep it
                            layer(1, c), layer(2, c), layer(3, c)),
                    zero ? null : Math.exp(rnd.nextGaussian() * 3), List.of(),
                    status == Status.DIVERGED ? List.of() : List.of(zero ? 1 : 256, zero ? 1 : 256 - rnd.nextInt(2), 256,
                            256), List.of(256, 256, 256, 256), List.of(), scales(c));
            records.add(new CellRecord(CellRecord.FORMAT_VERSION,
                    new CellRecord.Identity(c.id(), i, "golden", p.run().runId(), c, CellPhase.GRID),
                    CellRecord.Outcome.of(status, status == Status.OK ? null
                            : status == Status.SKIPPED ? "DL4J cannot build this cell: not square"
                            : status == Status.TIMEOUT ? "wall-time budget of 5.0 s ran out after 300 of 938 iterations"
                            : "training loss became NaN at iteration 37 (epoch 1)"),
                    m, curve, d, new CellRecord.Execution("2026-01-01T00:00:00Z", "2026-01-01T00:00:15Z", "worker-1"),
                    p));
        }
        return new RunResults(suite, p, records);
    }

    /** Step-0 gradient RMS per weight layer: N(0,0.01) without BN shrinks 10× per layer toward the input. */
    private static List<LayerScale> scales(CellSpec c) {
        boolean small = c.weightInit().label().startsWith("NORMAL") && !c.batchNorm();
        List<LayerScale> out = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double g = small ? 1e-5 * Math.pow(10, i) : 0.01 * (1 + 0.1 * i);
            out.add(new LayerScale(i, g, 0.5, null, i < 4 && c.activation() == Activation.RELU ? 0.0 : null));
        }
        return out;
    }

    private static LayerSignal layer(int i, CellSpec c) {
        double g = c.weightInit().label().startsWith("NORMAL") && !c.batchNorm() ? 0.01 * Math.pow(10, i) : 0.01;
        return new LayerSignal(i, 0.0, 1.0, 0.5, 0.6, g, null, null);
    }

    public static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden", name), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = ReportGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, name + " differs from its golden file");
        }
    }

    @Test
    void csvMatchesGolden() throws IOException {
        assertGolden("matrix.csv", Reports.render(new CsvMatrixWriter(), fixture()));
    }

    @Test
    void groupsCsvMatchesGolden() throws IOException {
        assertGolden("groups.csv", Reports.render(new GroupsCsvWriter(), fixture()));
    }

    @Test
    void comparisonsCsvMatchesGolden() throws IOException {
        assertGolden("comparisons.csv", Reports.render(new ComparisonsCsvWriter(), fixture()));
    }

    @Test
    void htmlMatchesGolden() throws IOException {
        String html = Reports.render(new HtmlReportWriter(), fixture());
        // self-contained: nothing fetched from anywhere
        org.junit.jupiter.api.Assertions.assertFalse(html.matches("(?s).*(src=|<script|@import|url\\().*"),
                "report.html must not load anything");
        assertGolden("report.html", html);
    }

    @Test
    void markdownMatchesGolden() throws IOException {
        assertGolden("matrix.md", Reports.render(new MarkdownMatrixWriter(), fixture()));
    }
}
