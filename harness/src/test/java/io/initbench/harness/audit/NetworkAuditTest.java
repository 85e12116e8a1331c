package io.initbench.harness.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.harness.TestData;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class NetworkAuditTest {
    private final NetworkAudit audit = new NetworkAudit(KnownDeviations.builtIn());

    private static CellSpec cnn(String init) {
        return new CellSpec(DatasetId.MNIST, Architecture.CNN, 2, 64, InitSpec.parse(init), Activation.RELU, false,
                BiasSpec.parse("0"), 0.1, 1, TestData.training(Optimizer.SGD, 1));
    }

    private static MultiLayerNetwork built(CellSpec cell) {
        MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell));
        net.init();
        return net;
    }

    @Test
    void everyWeightLayerOfABuiltCnnIsCheckedWithDl4jFans() {
        List<NetworkAudit.LayerRow> rows = audit.audit(cnn("RELU"), built(cnn("RELU")));
        // conv, conv, dense after the convs, output
        assertEquals(List.of("ConvolutionLayer", "ConvolutionLayer", "DenseLayer", "OutputLayer"),
                rows.stream().map(NetworkAudit.LayerRow::layerType).toList());
        for (NetworkAudit.LayerRow r : rows) {
            assertEquals(InitAudit.Verdict.PASS, r.check().verdict(), r.check().shape() + ": " + r.check().note());
        }
        // conv 2: 32 → 64 channels, 3×3, stride 1; the dense layer sees 64 channels of 7×7 after two poolings
        assertEquals(32 * 9, rows.get(1).check().fanIn(), 0.0);
        assertEquals(64 * 9, rows.get(1).check().fanOut(), 0.0);
        assertEquals(64 * 7 * 7, rows.get(2).check().fanIn(), 0.0);
        assertEquals(64, rows.get(2).check().fanOut(), 0.0);
        assertEquals(10, rows.get(3).check().fanOut(), 0.0);
    }

    @Test
    void catchesADeliberatelyMisScaledLayer() {
        CellSpec cell = cnn("XAVIER");
        MultiLayerNetwork net = built(cell);
        net.getLayer(2).getParam("W").muli(3); // the second conv layer: variance ×9
        List<NetworkAudit.LayerRow> rows = audit.audit(cell, net);
        assertEquals(InitAudit.Verdict.FAIL, rows.get(1).check().verdict());
        assertEquals(9.0, rows.get(1).check().measured().ratio(), 0.5);
        assertEquals(1, AuditReport.failures(rows.stream().map(NetworkAudit.LayerRow::check).toList()),
                "only the scaled layer fails");
        // a milder mis-scaling of the dense layer after the convs (200k weights: tight tolerance)
        MultiLayerNetwork mild = built(cell);
        mild.getLayer(4).getParam("W").muli(1.1);
        assertEquals(InitAudit.Verdict.FAIL, audit.audit(cell, mild).get(2).check().verdict());
    }

    @Test
    void knownDl4jDeviationsPassAndOnlyThem() {
        for (String init : List.of("LECUN_UNIFORM", "VAR_SCALING_UNIFORM_FAN_AVG", "XAVIER_LEGACY")) {
            List<NetworkAudit.LayerRow> rows = audit.run(List.of(cnn(init)));
            List<InitAudit.Row> checks = rows.stream().map(NetworkAudit.LayerRow::check).toList();
            assertEquals(0, AuditReport.failures(checks), init + ": " + checks);
            assertTrue(checks.stream().anyMatch(r -> r.verdict() == InitAudit.Verdict.KNOWN_DEVIATION), init);
        }
        List<NetworkAudit.LayerRow> legacy = audit.run(List.of(cnn("XAVIER_LEGACY")));
        assertEquals(InitAudit.Verdict.KNOWN_DEVIATION, legacy.get(1).check().verdict(), "conv: kernel area ignored");
        assertEquals(InitAudit.Verdict.PASS, legacy.get(2).check().verdict(), "dense: as claimed");
        // the same networks without the known list fail
        NetworkAudit strict = new NetworkAudit(KnownDeviations.none());
        assertTrue(AuditReport.failures(strict.run(List.of(cnn("LECUN_UNIFORM"))).stream()
                .map(NetworkAudit.LayerRow::check).toList()) > 0);
    }
}
