package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.DatasetProvenance;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite run on an image folder the test writes: the path a user's own data takes through the CLI. */
class UserDataEndToEndTest {
    private static final List<String> CLASSES = List.of("checker", "horizontal", "vertical");

    @TempDir
    Path tmp;

    /** 30 grey 12×12 PNGs per class: stripes one way, stripes the other, a checkerboard; noisy, phase-shifted. */
    private Path writeFolder() throws IOException {
        Path root = tmp.resolve("shapes");
        Random rnd = new Random(42);
        for (String c : CLASSES) {
            Files.createDirectories(root.resolve(c));
            for (int i = 0; i < 30; i++) {
                BufferedImage img = new BufferedImage(12, 12, BufferedImage.TYPE_BYTE_GRAY);
                int phase = rnd.nextInt(4);
                for (int y = 0; y < 12; y++) {
                    for (int x = 0; x < 12; x++) {
                        boolean on = switch (c) {
                            case "horizontal" -> ((y + phase) / 2) % 2 == 0;
                            case "vertical" -> ((x + phase) / 2) % 2 == 0;
                            default -> (((x + phase) / 2) + y / 2) % 2 == 0;
                        };
                        int v = (on ? 200 : 40) + rnd.nextInt(31) - 15;
                        img.getRaster().setSample(x, y, 0, v);
                    }
                }
                ImageIO.write(img, "png", root.resolve(c).resolve(c + i + ".png").toFile());
            }
        }
        return root;
    }

    private Map<String, String> props(Path folder) {
        Map<String, String> p = new HashMap<>(Map.of("suite", "smoke", "workers", "1",
                "dataset", "folder:" + folder + "?size=12x12&channels=1", "weightInit", "XAVIER", "activation", "RELU",
                "train.size", "60", "test.size", "18", "epochs", "8", "batchSize", "8"));
        p.put("validationSize", "12");
        p.put("out", tmp.resolve("run").toString());
        return p;
    }

    @Test
    void aCellTrainsOnAnImageFolderAndBeatsChance() throws Exception {
        Path folder = writeFolder();
        RunOutcome outcome = TestRuns.runSuite(TestRuns.cli(tmp, props(folder), new ByteArrayOutputStream()));
        assertEquals(1, outcome.records().size());
        CellRecord r = outcome.records().get(0);
        assertEquals(Status.OK, r.status(), r.reason() + "\n" + r.outcome().error());
        // chance is 1/3; the three patterns are easy to tell apart
        assertTrue(r.metrics().accuracy().finalTest() > 0.6, r.metrics().toString());
        assertEquals(60L * 8, r.metrics().timing().samples(), "60 training images (72 less 12 for validation) × 8 epochs");
        List<DatasetProvenance> data = r.provenance().datasets();
        assertEquals(1, data.size());
        assertEquals(r.cell().dataset().key(), data.get(0).dataset());
        assertTrue(data.get(0).file().contains("90 files"), data.get(0).file());
        assertEquals(64, data.get(0).sha256().length());
        assertTrue(Files.readString(outcome.dir().resolve("matrix.csv")).contains(data.get(0).sha256().substring(0, 12))
                || Files.readString(outcome.dir().resolve("matrix.md")).contains(data.get(0).sha256().substring(0, 12)),
                "the listing hash is reported where the built-in datasets' SHA-256 is");
    }

    @Test
    void badFoldersAndAMissingSubsetSizeExitWithBadInput() throws Exception {
        Path folder = writeFolder();
        Map<String, String> missing = props(tmp.resolve("nowhere"));
        assertEquals(Cli.EXIT_BAD_INPUT, TestRuns.cli(tmp, missing).run(new String[0]));

        Files.writeString(folder.resolve("checker/broken.png"), "not a PNG");
        assertEquals(Cli.EXIT_BAD_INPUT, TestRuns.cli(tmp, props(folder)).run(new String[0]));
        Files.delete(folder.resolve("checker/broken.png"));

        Map<String, String> all = props(folder);
        all.put("train.size", "0");
        assertEquals(Cli.EXIT_BAD_INPUT, TestRuns.cli(tmp, all).run(new String[0]));
    }

    @Test
    void theFashionMnistExampleSuiteIsValid() {
        SuiteSpec suite = new SuiteLoader().load("../docs/examples/fashion-mnist.yaml", Map.of());
        List<CellSpec> cells = Grid.cells(suite);
        assertEquals(2, cells.size());
        assertEquals("idx:/usr/share/datasets/fashion-mnist", cells.get(0).dataset().key());
        assertTrue(cells.get(0).dataset().userData());
    }
}
