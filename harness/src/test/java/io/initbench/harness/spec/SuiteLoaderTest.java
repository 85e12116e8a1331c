package io.initbench.harness.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

class SuiteLoaderTest {
    private final SuiteLoader loader = new SuiteLoader();

    @TempDir
    Path tmp;

    private SuiteSpec loadText(String yaml) throws IOException {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, yaml);
        return loader.load(f.toString(), Map.of());
    }

    private String error(String yaml) {
        return assertThrows(SuiteException.class, () -> loadText(yaml)).getMessage();
    }

    @Test
    void builtInSuitesLoad() {
        SuiteSpec rvt = loader.load("relu-vs-tanh", Map.of());
        assertEquals("relu-vs-tanh", rvt.name());
        assertEquals(7 * 2 * 2 * 5, Grid.cells(rvt).size());
        assertEquals(List.of("ZERO", "NORMAL(0,0.01)", "LECUN_NORMAL", "XAVIER", "XAVIER_UNIFORM", "RELU", "RELU_UNIFORM"),
                rvt.axes().weightInit().stream().map(InitSpec::label).toList());
        assertTrue(rvt.axes().depth().get(0) >= 4, "init must matter: at least 4 hidden layers");
        SuiteSpec smoke = loader.load("smoke", Map.of());
        assertEquals(8, Grid.cells(smoke).size());
        for (String name : SuiteLoader.BUILT_IN) {
            SuiteSpec s = loader.load(name, Map.of());
            assertEquals(name, s.name());
            assertTrue(!Grid.cells(s).isEmpty() && !s.description().isBlank(), name);
        }
        // the paper suites: the papers' architectures
        SuiteSpec glorot = loader.load("glorot-2010", Map.of());
        assertEquals(List.of(5), glorot.axes().depth());
        assertEquals(List.of(1000), glorot.axes().width());
        assertTrue(loader.load("he-2015-deep-relu", Map.of()).axes().depth().stream().allMatch(d -> d >= 20));
        SuiteSpec ioffe = loader.load("ioffe-2015-bn", Map.of());
        assertEquals(List.of(3), ioffe.axes().depth());
        assertEquals(List.of(100), ioffe.axes().width());
        assertEquals(List.of(false, true), ioffe.axes().batchNorm());
    }

    /** The paper suites tune the rate per configuration on held-out data, as the papers did. */
    @Test
    void paperSuitesTuneOnAValidationSplitWithEnoughSeeds() {
        for (String name : List.of("glorot-2010", "he-2015-deep-relu", "ioffe-2015-bn", "deep-signal")) {
            SuiteSpec s = loader.load(name, Map.of());
            assertTrue(s.tuning() != null, name + ": no tuning section");
            assertTrue(s.tuning().learningRates().size() >= 2, name + ": tuning needs at least 2 rates");
            assertTrue(s.tuning().seeds().size() >= 2, name + ": one tuning seed cannot show how noisy the choice is");
            assertTrue(s.tuning().extensible(), name + ": an edge choice must extend the grid");
            assertTrue(s.training().validationSize() > 0, name + ": tuning needs a validation split");
            assertTrue(s.axes().seed().size() >= 3, name + ": fewer than 3 final seeds");
            assertTrue(s.tuning().seeds().stream().noneMatch(s.axes().seed()::contains), name);
            assertTrue(s.description().contains("Reference run: see results/reference/" + name + "/matrix.md"),
                    name + ": description lacks the pointer to its reference run");
            if (s.axes().activation().contains(Activation.RELU)) {
                for (InitSpec init : s.axes().weightInit()) {
                    if (init instanceof InitSpec.Orthogonal o) {
                        assertEquals(Math.sqrt(2), o.gain(), 0.01, name + ": ORTHOGONAL under ReLU needs gain sqrt(2)");
                    }
                }
            }
        }
        // the findings each suite must be able to show
        SuiteSpec glorot = loader.load("glorot-2010", Map.of());
        assertEquals(List.of(DatasetRef.of(DatasetId.MNIST)), glorot.axes().dataset());
        assertEquals(List.of("UNIFORM", "XAVIER_UNIFORM"), glorot.axes().weightInit().stream().map(InitSpec::label).toList());
        assertEquals(List.of(Activation.SOFTSIGN, Activation.TANH, Activation.SIGMOID), glorot.axes().activation());
        SuiteSpec he = loader.load("he-2015-deep-relu", Map.of());
        assertTrue(he.axes().depth().contains(30), "Xavier stalls at depth 30 in the paper");
        assertEquals(List.of("XAVIER", "RELU"), he.axes().weightInit().stream().map(InitSpec::label).toList());
        assertTrue(loader.load("deep-signal", Map.of()).axes().weightInit().stream()
                .anyMatch(i -> i instanceof InitSpec.Orthogonal), "deep-signal compares orthogonal init");
    }

    @Test
    void missingKeysTakeNamedDefaults() throws IOException {
        SuiteSpec s = loadText("axes:\n  activation: [tanh]\n");
        assertEquals("s", s.name(), "name defaults to the file name");
        assertEquals(List.of(Activation.TANH), s.axes().activation());
        assertEquals(Axes.DEFAULTS.weightInit(), s.axes().weightInit());
        assertEquals(TrainingSettings.DEFAULTS, s.training());
    }

    @Test
    void systemPropertiesOverrideSettingsAndAxes() {
        SuiteSpec s = loader.load("relu-vs-tanh", Map.of("epochs", "3", "seeds", "4,5", "train.size", "1000",
                "weightInit", "XAVIER, NORMAL(0, 0.02)", "batchNorm", "false", "learningRate", "0.01",
                "unrelated.property", "ignored"));
        assertEquals(3, s.training().epochs());
        assertEquals(1000, s.training().trainSize());
        assertEquals(List.of(0.01), s.axes().learningRate());
        assertEquals(List.of(4L, 5L), s.axes().seed());
        assertEquals(List.of("XAVIER", "NORMAL(0,0.02)"), s.axes().weightInit().stream().map(InitSpec::label).toList());
        assertEquals(2 * 2 * 1 * 2, Grid.cells(s).size());
    }

    @Test
    void aRateScheduleParsesAndEntersTheIdOnlyWhenNotConstant() throws IOException {
        SuiteSpec constant = loadText("axes:\n  activation: [tanh]\n");
        SuiteSpec linear = loadText("axes:\n  activation: [tanh]\ntraining:\n  rateSchedule: LINEAR\n");
        assertEquals(RateSchedule.CONSTANT, constant.training().rateSchedule(), "the default");
        assertEquals(RateSchedule.LINEAR, linear.training().rateSchedule());
        SuiteSpec explicit = loadText("axes:\n  activation: [tanh]\ntraining:\n  rateSchedule: CONSTANT\n");
        List<String> constantIds = Grid.cells(constant).stream().map(CellSpec::id).toList();
        assertEquals(constantIds, Grid.cells(explicit).stream().map(CellSpec::id).toList(),
                "a constant rate keeps the ids of cells written before the setting existed");
        List<String> linearIds = Grid.cells(linear).stream().map(CellSpec::id).toList();
        assertEquals(constantIds.size(), linearIds.size());
        assertTrue(linearIds.stream().noneMatch(constantIds::contains), "a decayed rate trains other numbers");
        assertEquals(RateSchedule.LINEAR, loader.load("smoke", Map.of("rateSchedule", "LINEAR")).training()
                .rateSchedule(), "-DrateSchedule= overrides the suite");
        String bad = error("training:\n  rateSchedule: cosine\n");
        assertTrue(bad.contains("rateSchedule") && bad.contains("CONSTANT") && bad.contains("LINEAR"), bad);
    }

    @Test
    void badOverridesGetTheSameChecksAsFiles() {
        SuiteException e = assertThrows(SuiteException.class,
                () -> loader.load("smoke", Map.of("learningRate", "fast")));
        assertTrue(e.getMessage().contains("-DlearningRate=fast"), e.getMessage());
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
        SuiteException e2 = assertThrows(SuiteException.class, () -> loader.load("smoke", Map.of("epochs", "0")));
        assertTrue(e2.getMessage().contains("training.epochs must be positive, got 0"), e2.getMessage());
    }

    @Test
    void unknownSuiteListsBuiltIns() {
        SuiteException e = assertThrows(SuiteException.class, () -> loader.load("relu-vs-tanhh", Map.of()));
        assertTrue(e.getMessage().contains("unknown suite 'relu-vs-tanhh'"), e.getMessage());
        assertTrue(e.getMessage().contains("smoke"), e.getMessage());
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        String msg = error("name: x\naxes:\n  activation: [relu\n");
        assertTrue(msg.contains("syntax error at line"), msg);
    }

    @Test
    void unknownKeyListsValidKeys() {
        String msg = error("axes:\n  activations: [relu]\n");
        assertTrue(msg.contains("unknown key 'activations'"), msg);
        assertTrue(msg.contains("activation, architecture, batchNorm"), msg);
        String top = error("name: x\nepochs: 3\n");
        assertTrue(top.contains("unknown key 'epochs'"), top);
    }

    @Test
    void unknownNamesListValidOnes() {
        String init = error("axes:\n  weightInit: [KAIMING]\n");
        assertTrue(init.contains("unknown weightInit 'KAIMING'"), init);
        assertTrue(init.contains("RELU_UNIFORM") && init.contains("NORMAL(mean,std)"), init);
        String act = error("axes:\n  activation: [swishy]\n");
        assertTrue(act.contains("unknown activation 'swishy'") && act.contains("TANH"), act);
        String ds = error("axes:\n  dataset: [imagenet]\n");
        assertTrue(ds.contains("unknown dataset 'imagenet'; valid: mnist, cifar10"), ds);
        String arch = error("axes:\n  architecture: [transformer]\n");
        assertTrue(arch.contains("transformer") && arch.contains("MLP"), arch);
    }

    @Test
    void invalidValuesAreRejected() {
        assertTrue(error("axes:\n  seed: []\n").contains("axes.seed is empty"));
        assertTrue(error("axes:\n  depth: [0]\n").contains("axes.depth: 0 is not a valid depth"));
        assertTrue(error("axes:\n  width: [-5]\n").contains("axes.width: -5"));
        assertTrue(error("axes:\n  activation: [RELU, relu]\n").contains("lists RELU twice"));
        assertTrue(error("axes:\n  weightInit: [\"NORMAL(0,0.01)\", \"NORMAL(0, 0.01)\"]\n").contains("twice"));
        assertTrue(error("training:\n  learningRate: fast\n").contains("learningRate"));
        assertTrue(error("training:\n  learningRate: -0.1\n").contains("must be a positive number"));
        assertTrue(error("training:\n  targetAccuracy: 1.5\n").contains("targetAccuracy must be in (0, 1]"));
        assertTrue(error("training:\n  targetAccuracy: 0\n").contains("targetAccuracy must be in (0, 1]"));
        assertTrue(error("training:\n  batchSize: 0\n").contains("batchSize must be positive"));
        assertTrue(error("training:\n  trainSize: -1\n").contains("trainSize"));
        assertTrue(error("axes:\n  weightInit: [\"NORMAL(0)\"]\n").contains("takes 2 arguments, got 1"));
        assertTrue(error("axes:\n  weightInit: [\"NORMAL(0,-1)\"]\n").contains("std > 0"));
        assertTrue(error("axes:\n  weightInit: [DISTRIBUTION]\n").contains("needs a distribution"));
        assertTrue(error("name: \"bad name/../x\"\n").contains("is not valid"));
        assertTrue(error("- just\n- a list\n").contains("must be a mapping"));
    }

    @Test
    void analysisSetsTheMarginAndAValidatedBaseline() throws IOException {
        SuiteSpec plain = loadText("axes:\n  weightInit: [XAVIER, RELU]\n");
        assertEquals(AnalysisSpec.DEFAULT_MARGIN, plain.analysis().margin());
        assertEquals(null, plain.baselineInit(), "no baseline: all pairs");
        SuiteSpec s = loadText("axes:\n  weightInit: [XAVIER, RELU]\nanalysis:\n  margin: 0.01\n"
                + "  baseline:\n    weightInit: xavier\n");
        assertEquals(0.01, s.analysis().margin());
        assertEquals("XAVIER", s.baselineInit(), "spelled as the axis spells it");
        assertEquals(plain.settingsFingerprint(), s.settingsFingerprint(), "the analysis changes no cell");
        assertEquals(0.02, loader.load(tmp.resolve("s.yaml").toString(), Map.of("analysis.margin", "0.02"))
                .analysis().margin());

        String notInSuite = error("axes:\n  weightInit: [XAVIER, RELU]\nanalysis:\n  baseline:\n"
                + "    weightInit: LECUN_NORMAL\n");
        assertTrue(notInSuite.contains("LECUN_NORMAL is not one of the suite's initializers [XAVIER, RELU]"),
                notInSuite);
        String axis = error("analysis:\n  baseline:\n    activation: RELU\n");
        assertTrue(axis.contains("analysis.baseline.activation") && axis.contains("[weightInit]"), axis);
        String margin = error("analysis:\n  margin: 0\n");
        assertTrue(margin.contains("analysis.margin 0.0 is not valid") && margin.contains("between 0 and 1"), margin);
    }

    @Test
    void jsonSuitesWork() throws IOException {
        Path f = tmp.resolve("j.json");
        Files.writeString(f, "{\"name\":\"j\",\"axes\":{\"dataset\":[\"cifar10\"],\"architecture\":[\"cnn\"]}}");
        SuiteSpec s = loader.load(f.toString(), Map.of());
        assertEquals(List.of(DatasetRef.of(DatasetId.CIFAR10)), s.axes().dataset());
        assertEquals(List.of(Architecture.CNN), s.axes().architecture());
    }

    @Test
    void splitTopLevelKeepsParenthesisedCommas() {
        assertEquals(List.of("A", "NORMAL(0,0.01)", "UNIFORM(-1, 1)"),
                SuiteLoader.splitTopLevel("A, NORMAL(0,0.01),UNIFORM(-1, 1)"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsLine() {
        String msg = error("axes: {width: [8], width: [16]}\n");
        assertTrue(msg.contains("given twice") && msg.contains("'width'") && msg.contains("line 1"), msg);
        String blocks = error("name: x\naxes:\n  width: [8]\naxes:\n  width: [16]\n");
        assertTrue(blocks.contains("'axes'") && blocks.contains("line 4"), blocks);
    }

    @Test
    void aSuitePathThatIsNoRegularFileIsNamedForWhatItIs() throws IOException {
        String dir = assertThrows(SuiteException.class, () -> loader.load(tmp.toString(), Map.of())).getMessage();
        assertTrue(dir.contains("is a directory"), dir);
        Path devZero = Path.of("/dev/zero");
        if (Files.exists(devZero)) {
            String dev = assertThrows(SuiteException.class, () -> loader.load(devZero.toString(), Map.of()))
                    .getMessage();
            assertTrue(dev.contains("not a regular file") && !dev.contains("no such file"), dev);
        }
    }
}
