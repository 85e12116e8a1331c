package io.initbench.harness.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.model.Initializers;
import io.initbench.harness.spec.InitSpec;
import java.util.List;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class InitAuditTest {
    private final InitAudit audit = new InitAudit(500_000, 7);

    private static InitAudit.Row only(List<InitAudit.Row> rows, String shape) {
        return rows.stream().filter(r -> r.shape().startsWith(shape)).findFirst().orElseThrow();
    }

    @Test
    void projectInitializersDoWhatTheyClaim() {
        List<InitSpec> own = List.of("ZERO", "NORMAL(0,0.01)", "UNIFORM(-0.05,0.05)", "CONSTANT(0.1)", "SPARSE(15)",
                "SPARSE(5,0.5)", "ORTHOGONAL(1)", "ORTHOGONAL(2)", "LSUV").stream().map(InitSpec::parse).toList();
        for (InitAudit.Row r : audit.run(own, AuditShape.DEFAULTS)) {
            assertEquals(InitAudit.Verdict.PASS, r.verdict(), r.init() + " on " + r.shape() + ": " + r.note());
        }
    }

    @Test
    void aMisScaledInitializerFails() {
        // claims to be Xavier (variance 2/(fan_in+fan_out)) but draws 1.2× the standard deviation
        IWeightInit wrong = (fanIn, fanOut, shape, order, view) -> {
            Nd4j.randn(view).muli(1.2 * Math.sqrt(2.0 / (fanIn + fanOut)));
            return view.reshape(order, shape);
        };
        InitAudit.Row r = audit.audit("fake XAVIER", InitSpec.parse("XAVIER"), wrong, AuditShape.DEFAULTS.get(0));
        assertEquals(InitAudit.Verdict.FAIL, r.verdict());
        assertEquals(1.44, r.measured().ratio(), 0.02);
        // uniform draws under a normal claim: right variance, wrong shape
        IWeightInit uniform = Initializers.of(InitSpec.parse("XAVIER_UNIFORM"));
        InitAudit.Row shape = audit.audit("uniform as XAVIER", InitSpec.parse("XAVIER"), uniform, AuditShape.DEFAULTS.get(0));
        assertEquals(InitAudit.Verdict.FAIL, shape.verdict());
        assertTrue(shape.note().contains("kurtosis"), shape.note());
        // the right variance from a sparse matrix with the wrong k
        InitAudit.Row sparse = audit.audit("SPARSE(15) drawn with k=14", InitSpec.parse("SPARSE(15)"),
                Initializers.of(InitSpec.parse("SPARSE(14)")), AuditShape.DEFAULTS.get(0));
        assertEquals(InitAudit.Verdict.FAIL, sparse.verdict());
    }

    @Test
    void flagsDl4jLecunUniformBound() {
        List<InitAudit.Row> rows = audit.run(List.of(InitSpec.parse("LECUN_UNIFORM")), AuditShape.DEFAULTS);
        for (InitAudit.Row r : rows) {
            assertEquals(InitAudit.Verdict.KNOWN_DEVIATION, r.verdict(), r.shape());
            assertEquals(3.0, r.measured().ratio(), 0.05, "U[-3/√fan_in, 3/√fan_in] has 3× LeCun's variance");
        }
        // without the known list the same draws are a failure
        for (InitAudit.Row r : new InitAudit(500_000, 7, KnownDeviations.none())
                .run(List.of(InitSpec.parse("LECUN_UNIFORM")), AuditShape.DEFAULTS)) {
            assertEquals(InitAudit.Verdict.FAIL, r.verdict(), r.shape());
        }
    }

    @Test
    void aKnownDeviationOfAnotherSizeIsNew() {
        // LECUN_UNIFORM listed at 2× instead of the 3× DL4J draws: a changed deviation fails the audit
        KnownDeviations wrongSize = new KnownDeviations(List.of(new KnownDeviations.Deviation("LECUN_UNIFORM",
                KnownDeviations.Layers.ANY, 2.0, 0.03, null, "listed at the wrong size")));
        InitAudit.Row r = new InitAudit(500_000, 7, wrongSize).run(List.of(InitSpec.parse("LECUN_UNIFORM")),
                AuditShape.DEFAULTS).get(0);
        assertEquals(InitAudit.Verdict.FAIL, r.verdict());
        // XAVIER_LEGACY's deviation is listed for conv layers only: correct on dense, known on conv
        List<InitAudit.Row> legacy = audit.run(List.of(InitSpec.parse("XAVIER_LEGACY")), AuditShape.DEFAULTS);
        assertEquals(InitAudit.Verdict.PASS, only(legacy, "square").verdict());
        assertEquals(InitAudit.Verdict.KNOWN_DEVIATION, only(legacy, "conv").verdict(), only(legacy, "conv").note());
    }

    @Test
    void identityIsNotApplicableToNonSquareShapes() {
        List<InitAudit.Row> rows = audit.run(List.of(InitSpec.parse("IDENTITY")), AuditShape.DEFAULTS);
        assertEquals(InitAudit.Verdict.NO_CLAIM, only(rows, "square").verdict());
        assertEquals(InitAudit.Verdict.NOT_APPLICABLE, only(rows, "wide").verdict());
    }
}
