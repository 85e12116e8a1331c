package io.initbench.harness.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
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
                c.activation(), c.batchNorm(), c.biasInit(), c.learningRate(), c.seed(), new TrainingSettings(d.optimizer(),
                d.batchSize(), d.epochs(), 0, d.targetAccuracy(), 0, 0, d.normalization(),
                d.maxCellSeconds(), 0, 1, false));
        assertEquals("666619750134", whole.id());
        CellSpec sameAgain = Grid.cells(suite()).get(0);
        assertEquals(c.id(), sameAgain.id());
        CellSpec otherLr = new CellSpec(c.dataset(), c.architecture(), c.depth(), c.width(), c.weightInit(),
                c.activation(), c.batchNorm(), c.biasInit(), 0.2, c.seed(), c.training());
        assertNotEquals(c.id(), otherLr.id());
        assertEquals(0.2, otherLr.withSeed(7).learningRate(), "another seed keeps the rate");
    }

    @Test
    void cellsFollowTheDeclaredNestingOrder() {
        SuiteSpec s = suite();
        List<CellSpec> cells = Grid.cells(s);
        // each cell's position in the grid, read back from its values: the list must be sorted by it
        List<Parameter> order = Grid.NESTING.stream().map(Parameter::named).toList();
        List<List<Integer>> positions = cells.stream().map(c -> order.stream()
                .map(p -> p.values(s.axes()).stream().map(v -> labelOf(p, c, v)).toList().indexOf(p.label(c)))
                .toList()).toList();
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(compare(positions.get(i - 1), positions.get(i)) < 0,
                    "cell " + i + " " + positions.get(i) + " comes after " + positions.get(i - 1));
        }
    }

    @Test
    void everyAxisIsSweptIntoTheCells() {
        // two values on every axis: each parameter must take both, and the product has 2^axes cells
        Axes base = new Axes(List.of(DatasetRef.of(DatasetId.MNIST), DatasetRef.of(DatasetId.CIFAR10)),
                List.of(Architecture.MLP, Architecture.CNN), List.of(2, 3), List.of(32, 64),
                List.of(InitSpec.parse("XAVIER"), InitSpec.parse("ZERO")), List.of(Activation.RELU, Activation.TANH),
                List.of(false, true), List.of(BiasSpec.parse("0.0"), BiasSpec.parse("0.01")), List.of(0.1, 0.2),
                List.of(1L, 2L));
        List<CellSpec> cells = Grid.cells(new SuiteSpec("g", "", base, TrainingSettings.DEFAULTS));
        assertEquals(1L << Parameter.axes().size(), cells.size());
        for (Parameter p : Parameter.axes()) {
            Set<String> labels = new HashSet<>();
            cells.forEach(c -> labels.add(p.label(c)));
            assertEquals(2, labels.size(), p.key() + " takes both of its values in the grid");
        }
    }

    private static String labelOf(Parameter p, CellSpec c, Object value) {
        CellSpec.Draft d = new CellSpec.Draft(c.training());
        for (Parameter q : Parameter.axes()) {
            q.sweep().put().accept(d, q == p ? value : q.values(suite().axes()).get(0));
        }
        return p.label(d.build());
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Test
    void initLabelsAreCanonical() {
        assertEquals("NORMAL(0,0.01)", InitSpec.parse(" normal( 0 , 1e-2 ) ").label());
        assertEquals("UNIFORM(-0.5,0.5)", InitSpec.parse("UNIFORM(-0.5,0.5)").label());
        assertEquals("CONSTANT(0.1)", InitSpec.parse("constant(0.1)").label());
        assertEquals("XAVIER_UNIFORM", InitSpec.parse("xavier_uniform").label());
    }
}
