package io.initbench.harness.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initbench.datasets.DatasetId;
import io.initbench.datasets.Normalization;
import io.initbench.harness.TestData;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.model.PostInit;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.ResultJson;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.SpecJson;
import io.initbench.harness.spec.SuiteException;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.TrainingSettings;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The evaluation protocol: validation split, seeded subsets, pairing of cells across initializers. */
class ProtocolTest {

    @BeforeAll
    static void threads() {
        NativeThreads.configure(1);
    }

    private static TrainingSettings settings(int validationSize, long dataSeed, boolean testOnCurve) {
        return new TrainingSettings(Optimizer.SGD, 32, 2, 5, 0.9, 0, 0, Normalization.UNIT, 0, validationSize,
                dataSeed, testOnCurve);
    }

    private static PreparedData prepare(TrainingSettings t) {
        return PreparedData.of(TestData.dataset(), PreparedData.Key.of(TestData.cell("XAVIER", Activation.RELU,
                false, 1, t)));
    }

    /** Each row of a matrix as a list, to compare sets of images. */
    private static Set<List<Float>> rows(INDArray m) {
        Set<List<Float>> out = new HashSet<>();
        for (int i = 0; i < m.rows(); i++) {
            List<Float> row = new ArrayList<>();
            for (float v : m.getRow(i).toFloatVector()) {
                row.add(v);
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void validationSplitIsCarvedFromTrainingDisjointStratifiedAndSeeded() {
        PreparedData d = prepare(settings(100, 1, false));
        assertTrue(d.hasValidation());
        assertEquals(500, d.trainCount(), "600 training images less 100 for validation");
        assertEquals(100, d.validationLabels().length);
        int[] perClass = new int[10];
        for (int l : d.validationLabels()) {
            perClass[l]++;
        }
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, perClass, "stratified");
        Set<List<Float>> train = rows(d.trainX());
        Set<List<Float>> validation = rows(d.validationX());
        assertEquals(500, train.size());
        assertEquals(100, validation.size());
        validation.forEach(v -> assertFalse(train.contains(v), "a validation image is also a training image"));
        assertEquals(validation, rows(prepare(settings(100, 1, false)).validationX()), "same data seed, same split");
        assertNotEquals(validation, rows(prepare(settings(100, 2, false)).validationX()), "another data seed");
        assertEquals(200, d.testLabels().length, "the test split is untouched");
    }

    @Test
    void dataDependsOnTheSuiteNotOnTheCell() {
        TrainingSettings t = settings(100, 1, false);
        CellSpec a = TestData.cell("XAVIER", Activation.RELU, false, 1, t);
        CellSpec b = TestData.cell("NORMAL(0,0.01)", Activation.TANH, true, 7, t);
        assertEquals(PreparedData.Key.of(a), PreparedData.Key.of(b), "every cell of a suite sees the same images");
    }

    @Test
    void trainAndTestSubsetsAreStratifiedAndSeeded() {
        TrainingSettings t = new TrainingSettings(Optimizer.SGD, 32, 1, 5, 0.9, 200, 50, Normalization.UNIT, 0,
                100, 4, false);
        PreparedData d = prepare(t);
        assertEquals(200, d.trainCount());
        assertEquals(50, d.testLabels().length);
        int[] perClass = new int[10];
        for (int l : d.testLabels()) {
            perClass[l]++;
        }
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, perClass);
        assertEquals(rows(d.trainX()), rows(prepare(t).trainX()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prepare(
                new TrainingSettings(Optimizer.SGD, 32, 1, 5, 0.9, 550, 0, Normalization.UNIT, 0, 100, 1, false)));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }

    @Test
    void randomBiasesAreTheSameForEveryInitializerWithOneSeed() {
        TrainingSettings t = TestData.training(Optimizer.SGD, 1);
        List<List<INDArray>> biases = new ArrayList<>();
        for (String init : List.of("XAVIER", "RELU", "NORMAL(0,0.01)", "SPARSE", "ORTHOGONAL")) {
            biases.add(biases(new CellSpec(DatasetId.MNIST, Architecture.MLP, 2, 32, InitSpec.parse(init),
                    Activation.RELU, false, BiasSpec.parse("NORMAL(0,0.1)"), 0.1, 5, t)));
        }
        for (List<INDArray> other : biases.subList(1, biases.size())) {
            assertEquals(biases.get(0), other, "same seed, same bias draw whatever the initializer");
        }
        List<INDArray> otherSeed = biases(new CellSpec(DatasetId.MNIST, Architecture.MLP, 2, 32,
                InitSpec.parse("XAVIER"), Activation.RELU, false, BiasSpec.parse("NORMAL(0,0.1)"), 0.1, 6, t));
        assertNotEquals(biases.get(0), otherSeed);
        double std = biases.get(0).get(0).stdNumber().doubleValue();
        assertTrue(std > 0.05 && std < 0.15, "N(0, 0.1) biases, std " + std);
    }

    private static List<INDArray> biases(CellSpec cell) {
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell));
        net.init();
        PostInit.apply(cell, net, null);
        List<INDArray> out = new ArrayList<>();
        for (var layer : net.getLayers()) {
            INDArray b = layer.paramTable().get("b");
            if (b != null) {
                out.add(b.dup());
            }
        }
        net.close();
        return out;
    }

    @Test
    void normalBiasWithPretrainedWeightsIsRefusedAtLoad() {
        ObjectNode suite = SpecJson.yaml().createObjectNode();
        suite.put("name", "bad");
        ObjectNode axes = suite.putObject("axes");
        axes.putArray("weightInit").add("PRETRAINED(model.zip)");
        axes.putArray("biasInit").add("NORMAL(0,0.1)");
        SuiteException e = assertThrows(SuiteException.class, () -> new SuiteLoader().bind(suite, Map.of(), "test"));
        assertTrue(e.getMessage().contains("PRETRAINED") && e.getMessage().contains("biasInit 0"), e.getMessage());
    }

    @Test
    void curveIsOnValidationAndTheTestSplitIsMeasuredAtTheEnd() {
        PreparedData d = prepare(settings(100, 1, false));
        CellTrainer.Outcome o = new CellTrainer().run(TestData.cell("XAVIER", Activation.TANH, false, 3,
                settings(100, 1, false)), d);
        assertEquals(Status.OK, o.status(), o.reason());
        List<CurvePoint> curve = o.curve();
        CurvePoint last = curve.get(curve.size() - 1);
        for (CurvePoint p : curve) {
            assertNotNull(p.validationAccuracy());
            assertEquals(p.validationAccuracy(), p.accuracy());
            if (p != last) {
                assertNull(p.testAccuracy(), "the test split is not looked at during training");
            }
        }
        assertEquals(last.testAccuracy(), o.metrics().accuracy().finalTest());
        assertEquals(last.validationAccuracy(), o.metrics().accuracy().finalValidation());
        assertEquals(curve.stream().mapToDouble(CurvePoint::validationAccuracy).max().orElseThrow(),
                o.metrics().accuracy().best(), "best accuracy is chosen on validation");

        CellTrainer.Outcome withTest = new CellTrainer().run(TestData.cell("XAVIER", Activation.TANH, false, 3,
                settings(100, 1, true)), d);
        withTest.curve().forEach(p -> assertNotNull(p.testAccuracy(), "testOnCurve measures every point"));
        assertEquals(curve.stream().map(CurvePoint::validationAccuracy).toList(),
                withTest.curve().stream().map(CurvePoint::validationAccuracy).toList(),
                "looking at the test split changes nothing else");
    }

    @Test
    void recordsWithoutValidationStillRead() throws Exception {
        CellRecord r;
        try (InputStream in = ProtocolTest.class.getResourceAsStream("/records/cell-v2.json")) {
            r = ResultJson.mapper().readValue(in, CellRecord.class);
        }
        assertEquals(CellRecord.FORMAT_VERSION, r.formatVersion(), "read as a current record");
        assertEquals(0, r.cell().training().validationSize(), "a version-2 cell had no validation split");
        assertFalse(r.cell().training().testOnCurve());
        CurvePoint p = r.curve().get(1);
        assertNull(p.validationAccuracy());
        assertEquals(0.36, p.accuracy(), "its curve was the test split's");
        assertNull(r.metrics().accuracy().finalValidation());
    }
}
