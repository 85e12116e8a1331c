package io.initbench.harness.spec;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One parameter of a cell, declared once: an axis of the grid or a training setting. The cell id
 * ({@link CellSpec#parameters()}), the {@code -D} overrides ({@link SuiteLoader#OVERRIDES}) and the
 * columns of {@code matrix.csv} and {@code groups.csv} all iterate {@link #ALL}, so a parameter added here
 * appears in each of them (a test checks that every component of {@link Axes} and
 * {@link TrainingSettings} has an entry).
 *
 * @param key       the name in suite files ({@code axes.<key>} or {@code training.<key>}) and in the id
 * @param axis      true for an axis (a list of values in {@code axes}), false for a training setting
 * @param column    the CSV column
 * @param overrides the {@code -D} properties that set it (an axis takes a comma list)
 * @param label     the canonical spelling of a cell's value: what the id hashes and the CSV shows
 * @param hashed    whether the value enters the cell id; settings added after results were published
 *                  enter only where they change a number, so older cells keep their ids
 */
public record Parameter(String key, boolean axis, String column, List<String> overrides,
                        Function<CellSpec, String> label, Predicate<CellSpec> hashed) {

    public static final List<Parameter> ALL = List.of(
            axis("dataset", c -> c.dataset().key()),
            axis("architecture", c -> c.architecture().name()),
            axis("depth", c -> Integer.toString(c.depth())),
            axis("width", c -> Integer.toString(c.width())),
            axis("weightInit", c -> c.weightInit().label()),
            axis("activation", c -> c.activation().name()),
            axis("batchNorm", c -> Boolean.toString(c.batchNorm())),
            axis("biasInit", c -> c.biasInit().label()),
            new Parameter("seed", true, "seed", List.of("seeds", "seed"), c -> Long.toString(c.seed()), c -> true),
            setting("optimizer", c -> c.training().optimizer().name()),
            // an axis; in the id it keeps its place among the training settings, where it always was
            new Parameter("learningRate", true, "learning_rate", List.of("learningRate"),
                    c -> Double.toString(c.training().learningRate()), c -> true),
            setting("batchSize", c -> Integer.toString(c.training().batchSize())),
            setting("epochs", c -> Integer.toString(c.training().epochs())),
            setting("evalEvery", c -> Integer.toString(c.training().evalEvery())),
            setting("targetAccuracy", c -> Double.toString(c.training().targetAccuracy())),
            new Parameter("trainSize", false, "train_size", List.of("train.size", "trainSize"),
                    c -> Integer.toString(c.training().trainSize()), c -> true),
            new Parameter("testSize", false, "test_size", List.of("test.size", "testSize"),
                    c -> Integer.toString(c.training().testSize()), c -> true),
            setting("normalization", c -> c.training().normalization().name()),
            setting("maxCellSeconds", c -> Double.toString(c.training().maxCellSeconds())),
            new Parameter("validationSize", false, "validation_size", List.of("validationSize"),
                    c -> Integer.toString(c.training().validationSize()), Parameter::drawsSubsets),
            new Parameter("dataSeed", false, "data_seed", List.of("dataSeed"),
                    c -> Long.toString(c.training().dataSeed()), Parameter::drawsSubsets),
            new Parameter("testOnCurve", false, "test_on_curve", List.of("testOnCurve"),
                    c -> Boolean.toString(c.training().testOnCurve()), c -> c.training().testOnCurve()));

    /** The parameters that are axes, in id order. */
    public static List<Parameter> axes() {
        return ALL.stream().filter(Parameter::axis).toList();
    }

    /** The path in the suite tree: {@code axes.<key>} or {@code training.<key>}. */
    public String path() {
        return (axis ? "axes." : "training.") + key;
    }

    public String label(CellSpec cell) {
        return label.apply(cell);
    }

    private static Parameter axis(String key, Function<CellSpec, String> label) {
        return new Parameter(key, true, snake(key), List.of(key), label, c -> true);
    }

    private static Parameter setting(String key, Function<CellSpec, String> label) {
        return new Parameter(key, false, snake(key), List.of(key), label, c -> true);
    }

    /** Whether any subset is drawn, so that the validation size and the data seed change the data. */
    private static boolean drawsSubsets(CellSpec c) {
        TrainingSettings t = c.training();
        return t.validationSize() > 0 || t.trainSize() > 0 || t.testSize() > 0;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
