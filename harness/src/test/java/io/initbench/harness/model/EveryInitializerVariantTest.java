package io.initbench.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.TestData;
import io.initbench.harness.audit.AuditShape;
import io.initbench.harness.audit.Claim;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.train.NativeThreads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

/**
 * Every variant of the sealed {@link InitSpec} goes through every mapping: the DL4J initializer that
 * builds it, the audit's claim, and the steps after {@code net.init()}. A new variant fails here until it
 * has an example, and then fails wherever a mapping forgot it.
 */
class EveryInitializerVariantTest {
    @TempDir
    static Path dir;

    /** One example per permitted subclass; PRETRAINED's path is filled in once a model is saved. */
    private static Map<Class<?>, String> examples() {
        return Map.of(InitSpec.Dl4j.class, "XAVIER", InitSpec.Normal.class, "NORMAL(0,0.01)",
                InitSpec.Uniform.class, "UNIFORM(-0.1,0.1)", InitSpec.Constant.class, "CONSTANT(0.01)",
                InitSpec.Sparse.class, "SPARSE(5)", InitSpec.Orthogonal.class, "ORTHOGONAL(1.4)",
                InitSpec.Lsuv.class, "LSUV", InitSpec.Pretrained.class, "PRETRAINED(" + dir.resolve("saved.zip") + ")");
    }

    @Test
    void everyPermittedSubclassHasAnExample() {
        Set<Class<?>> permitted = Arrays.stream(InitSpec.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(permitted, examples().keySet(), "add an example for each InitSpec variant");
        examples().forEach((type, text) -> assertEquals(type, InitSpec.parse(text).getClass(), text));
    }

    @Test
    void everyVariantBuildsAndHasItsAuditClaimAndPostInit() throws IOException {
        NativeThreads.configure(1);
        var t = TestData.training(Optimizer.SGD, 1);
        CellSpec base = TestData.cell("XAVIER", Activation.TANH, false, 1, t);
        MultiLayerNetwork saved = new MultiLayerNetwork(ModelFactory.build(base));
        saved.init();
        ModelSerializer.writeModel(saved, dir.resolve("saved.zip").toFile(), false);
        var probe = TestData.prepared().trainX().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 32),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        for (var e : examples().entrySet()) {
            InitSpec spec = InitSpec.parse(e.getValue());
            assertNotNull(Initializers.of(spec), spec.label());
            // every variant but PRETRAINED promises a distribution the audit can check
            boolean claims = Claim.of(spec, AuditShape.dense("d", 64, 32)).isPresent();
            assertEquals(!(spec instanceof InitSpec.Pretrained), claims, spec.label() + " audit claim");
            CellSpec cell = TestData.cell(spec.label(), Activation.TANH, false, 1, t);
            MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell));
            net.init();
            List<PostInit.LsuvLayer> lsuv = PostInit.apply(cell, net, probe);
            assertEquals(spec instanceof InitSpec.Lsuv, !lsuv.isEmpty(), spec.label() + " LSUV steps");
            if (spec instanceof InitSpec.Pretrained) {
                assertEquals(saved.params(), net.params(), "PRETRAINED copies the saved weights");
            }
            // whatever the variant, the network starts from finite weights, and not from all zeros
            // (which would make every unit of a layer the same)
            float[] params = net.params().data().asFloat();
            long nonFinite = IntStream.range(0, params.length).filter(i -> !Float.isFinite(params[i])).count();
            assertEquals(0, nonFinite, spec.label() + ": parameters that are NaN or infinite");
            float[] firstWeights = net.getLayer(0).getParam("W").data().asFloat();
            assertTrue(IntStream.range(0, firstWeights.length).anyMatch(i -> firstWeights[i] != 0f),
                    spec.label() + ": the first layer's weights are all zero");
            net.close();
        }
        saved.close();
    }
}
