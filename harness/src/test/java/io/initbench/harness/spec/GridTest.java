package io.initbench.harness.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.Normalization;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class GridTest {
    static SuiteSpec suite() {
        Axes axes = new Axes(List.of(DatasetRef.of(DatasetId.MNIST), DatasetRef.of(DatasetId.CIFAR10)), List.of(Architecture.MLP), List.of(2, 3),
                List.of(32), List.of(InitSpec.parse("XAVIER"), InitSpec.parse("NORMAL(0,0.01)"), InitSpec.parse("ZERO")),
                List.of(Activation.RELU, Activation.TANH), List.of(false, true),
                List.of(BiasSpec.parse("0.0"), BiasSpec.parse("0.01")), List.of(0.1), List.of(1L, 2L));
        return new SuiteSpec("g", "", axes, TrainingSettings.DEFAULTS);
    }

    @Test
    void gridIsTheCartesianProduct() {
        List<CellSpec> cells = Grid.cells(suite());
        assertEquals(2 * 2 * 3 * 2 * 2 * 2 * 2, cells.size());
        Set<String> ids = new HashSet<>();
        cells.forEach(c -> ids.add(c.id()));
        assertEquals(cells.size(), ids.size(), "every cell has its own id");
        // seed is the innermost axis
        assertEquals(1L, cells.get(0).seed());
        assertEquals(2L, cells.get(1).seed());
        assertEquals(cells.get(0).weightInit(), cells.get(1).weightInit());
        long tanhBn = cells.stream().filter(c -> c.activation() == Activation.TANH && c.batchNorm()).count();
        assertEquals(cells.size() / 4, tanhBn);
    }

    @Test
    void cellIdIsStableAndSensitive() {
        CellSpec c = Grid.cells(suite()).get(0);
        // the canonical form is part of the results format: changing it orphans every stored result
        assertEquals("e27248644233", c.id());
        // without subsets or a validation split the protocol settings cannot change a number and are not
        // hashed: such a cell keeps the id it had before they existed
        TrainingSettings d = c.training();
        CellSpec whole = new CellSpec(c.dataset(), c.architecture(), c.depth(), c.width(), c.weightInit(),
                c.activation(), c.batchNorm(), c.biasInit(), c.seed(), new TrainingSettings(d.optimizer(),
                d.learningRate(), d.batchSize(), d.epochs(), 0, d.targetAccuracy(), 0, 0, d.normalization(),
                d.maxCellSeconds(), 0, 1, false));
        assertEquals("666619750134", whole.id());
        CellSpec sameAgain = Grid.cells(suite()).get(0);
        assertEquals(c.id(), sameAgain.id());
        CellSpec otherLr = new CellSpec(c.dataset(), c.architecture(), c.depth(), c.width(), c.weightInit(),
                c.activation(), c.batchNorm(), c.biasInit(), c.seed(), new TrainingSettings(Optimizer.SGD, 0.2, 128, 1,
                0, 0.9, 0, 0, Normalization.UNIT, 0, 0, 1, false));
        assertNotEquals(c.id(), otherLr.id());
    }

    @Test
    void initLabelsAreCanonical() {
        assertEquals("NORMAL(0,0.01)", InitSpec.parse(" normal( 0 , 1e-2 ) ").label());
        assertEquals("UNIFORM(-0.5,0.5)", InitSpec.parse("UNIFORM(-0.5,0.5)").label());
        assertEquals("CONSTANT(0.1)", InitSpec.parse("constant(0.1)").label());
        assertEquals("XAVIER_UNIFORM", InitSpec.parse("xavier_uniform").label());
    }
}
