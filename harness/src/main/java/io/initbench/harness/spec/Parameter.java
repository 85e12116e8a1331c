package io.initbench.harness.spec;

import io.initbench.datasets.DatasetRef;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nd4j.linalg.activations.Activation;

/**
 * One parameter of a cell, declared once: an axis of the grid or a training setting. The cell id
 * ({@link CellSpec#parameters()}), the {@code -D} overrides ({@link SuiteLoader#OVERRIDES}) and the
 * columns of {@code matrix.csv} and {@code groups.csv}, the report's panels and the grid's expansion
 * ({@link Grid}, through each axis's {@link Sweep}) all iterate {@link #ALL}, so a parameter added here
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
 * @param sweep     for an axis, how the grid reads its values and puts one into a cell; null for a setting
 */
public record Parameter(String key, boolean axis, String column, List<String> overrides,
                        Function<CellSpec, String> label, Predicate<CellSpec> hashed, Sweep sweep) {

    /**
     * How an axis is swept: its values in {@link Axes} and how one value is put into the cell being built.
     * The value is typed by the axis; the casts in {@link #ALL} are checked by every grid expansion.
     */
    public record Sweep(Function<Axes, List<?>> values, BiConsumer<CellSpec.Draft, Object> put) {
    }

    public Parameter {
        if (axis != (sweep != null)) {
            throw new IllegalArgumentException(key + ": an axis needs a sweep and a training setting has none");
        }
    }

    public static final List<Parameter> ALL = List.of(
            axis("dataset", c -> c.dataset().key(), Axes::dataset, (d, v) -> d.dataset = (DatasetRef) v),
            axis("architecture", c -> c.architecture().name(), Axes::architecture,
                    (d, v) -> d.architecture = (Architecture) v),
            axis("depth", c -> Integer.toString(c.depth()), Axes::depth, (d, v) -> d.depth = (Integer) v),
            axis("width", c -> Integer.toString(c.width()), Axes::width, (d, v) -> d.width = (Integer) v),
            axis("weightInit", c -> c.weightInit().label(), Axes::weightInit, (d, v) -> d.weightInit = (InitSpec) v),
            axis("activation", c -> c.activation().name(), Axes::activation, (d, v) -> d.activation = (Activation) v),
            axis("batchNorm", c -> Boolean.toString(c.batchNorm()), Axes::batchNorm,
                    (d, v) -> d.batchNorm = (Boolean) v),
            axis("biasInit", c -> c.biasInit().label(), Axes::biasInit, (d, v) -> d.biasInit = (BiasSpec) v),
            new Parameter("seed", true, "seed", List.of("seeds", "seed"), c -> Long.toString(c.seed()), c -> true,
                    new Sweep(Axes::seed, (d, v) -> d.seed = (Long) v)),
            setting("optimizer", c -> c.training().optimizer().name()),
            // in the id it keeps its place among the training settings, where it was before it became an axis
            axis("learningRate", c -> Double.toString(c.learningRate()), Axes::learningRate,
                    (d, v) -> d.learningRate = (Double) v),
            setting("batchSize", c -> Integer.toString(c.training().batchSize())),
            setting("epochs", c -> Integer.toString(c.training().epochs())),
            setting("evalEvery", c -> Integer.toString(c.training().evalEvery())),
            setting("targetAccuracy", c -> Double.toString(c.training().targetAccuracy())),
            new Parameter("trainSize", false, "train_size", List.of("train.size", "trainSize"),
                    c -> Integer.toString(c.training().trainSize()), c -> true, null),
            new Parameter("testSize", false, "test_size", List.of("test.size", "testSize"),
                    c -> Integer.toString(c.training().testSize()), c -> true, null),
            setting("normalization", c -> c.training().normalization().name()),
            setting("maxCellSeconds", c -> Double.toString(c.training().maxCellSeconds())),
            new Parameter("validationSize", false, "validation_size", List.of("validationSize"),
                    c -> Integer.toString(c.training().validationSize()), Parameter::drawsSubsets, null),
            new Parameter("dataSeed", false, "data_seed", List.of("dataSeed"),
                    c -> Long.toString(c.training().dataSeed()), Parameter::drawsSubsets, null),
            new Parameter("testOnCurve", false, "test_on_curve", List.of("testOnCurve"),
                    c -> Boolean.toString(c.training().testOnCurve()), c -> c.training().testOnCurve(), null),
            new Parameter("rateSchedule", false, "rate_schedule", List.of("rateSchedule"),
                    c -> c.training().rateSchedule().name(),
                    c -> c.training().rateSchedule() != RateSchedule.CONSTANT, null));

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

    /** The parameter with this key; an IllegalArgumentException names the keys there are. */
    public static Parameter named(String key) {
        return ALL.stream().filter(p -> p.key.equals(key)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no parameter " + key + "; there are " + ALL.stream().map(Parameter::key).toList()));
    }

    /** This axis's values in {@code axes}. */
    public List<?> values(Axes axes) {
        if (sweep == null) {
            throw new IllegalStateException(key + " is a training setting, not an axis");
        }
        return sweep.values().apply(axes);
    }

    private static Parameter axis(String key, Function<CellSpec, String> label, Function<Axes, List<?>> values,
                                  BiConsumer<CellSpec.Draft, Object> put) {
        return new Parameter(key, true, snake(key), List.of(key), label, c -> true, new Sweep(values, put));
    }

    private static Parameter setting(String key, Function<CellSpec, String> label) {
        return new Parameter(key, false, snake(key), List.of(key), label, c -> true, null);
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
