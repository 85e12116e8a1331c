package io.initbench.harness.spec;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.nd4j.linalg.activations.Activation;

/**
 * The values a suite sweeps. Every axis is a non-empty list without duplicates; the grid is their
 * cartesian product. Axes a suite file leaves out take the values of {@link #DEFAULTS}. The learning rate
 * is an axis like the others; a suite with {@link TuningSpec tuning} instead picks one rate per
 * configuration from its tuning grid.
 */
public record Axes(List<DatasetRef> dataset, List<Architecture> architecture, List<Integer> depth, List<Integer> width,
                   List<InitSpec> weightInit, List<Activation> activation, List<Boolean> batchNorm,
                   List<BiasSpec> biasInit, List<Double> learningRate, List<Long> seed) {

    public static final Axes DEFAULTS = new Axes(List.of(DatasetRef.of(DatasetId.MNIST)), List.of(Architecture.MLP),
            List.of(2),
            List.of(256), List.of(InitSpec.parse("XAVIER")), List.of(Activation.RELU), List.of(false),
            List.of(new BiasSpec.Constant(0.0)), List.of(0.1),
            List.of(1L));

    public Axes {
        dataset = check("dataset", dataset, DatasetRef::key);
        architecture = check("architecture", architecture, Enum::name);
        depth = check("depth", depth, String::valueOf);
        width = check("width", width, String::valueOf);
        weightInit = check("weightInit", weightInit, InitSpec::label);
        activation = check("activation", activation, Enum::name);
        batchNorm = check("batchNorm", batchNorm, String::valueOf);
        biasInit = check("biasInit", biasInit, BiasSpec::label);
        learningRate = check("learningRate", learningRate, String::valueOf);
        seed = check("seed", seed, String::valueOf);
        for (double lr : learningRate) {
            if (!(lr > 0) || !Double.isFinite(lr)) {
                throw new SuiteException("axes.learningRate: " + lr + " must be a positive number");
            }
        }
        if (weightInit.stream().anyMatch(InitSpec.Pretrained.class::isInstance)
                && biasInit.stream().anyMatch(BiasSpec.Normal.class::isInstance)) {
            throw new SuiteException("axes: biasInit NORMAL(mean,std) with weightInit PRETRAINED(...) would draw"
                    + " random biases over the pretrained ones; use biasInit 0 with PRETRAINED, or put the two in"
                    + " separate suites");
        }
        for (int d : depth) {
            if (d < 1 || d > 1000) {
                throw new SuiteException("axes.depth: " + d + " is not a valid depth; use 1..1000 hidden layers/blocks");
            }
        }
        for (int w : width) {
            if (w < 1 || w > 1 << 16) {
                throw new SuiteException("axes.width: " + w + " is not a valid width; use 1..65536 units");
            }
        }
    }

    private static <T> List<T> check(String axis, List<T> values, Function<T, String> label) {
        if (values == null || values.isEmpty()) {
            throw new SuiteException("axes." + axis + " is empty; give at least one value or leave the axis out to use"
                    + " its default");
        }
        Set<String> seen = new HashSet<>();
        for (T v : values) {
            if (v == null) {
                throw new SuiteException("axes." + axis + " contains an empty value");
            }
            if (!seen.add(label.apply(v))) {
                throw new SuiteException("axes." + axis + " lists " + label.apply(v) + " twice; remove the duplicate");
            }
        }
        return List.copyOf(values);
    }

    /** Number of cells in the product; a SuiteException when it does not fit a long. */
    public long size() {
        long n = 1;
        for (Parameter axis : Parameter.axes()) {
            try {
                n = Math.multiplyExact(n, axis.values(this).size());
            } catch (ArithmeticException e) {
                // wrapping around could land under the cell limit and pass it
                throw new SuiteException("the axes expand to more than " + Long.MAX_VALUE + " cells, more than "
                        + Grid.MAX_CELLS + "; shrink the axes");
            }
        }
        return n;
    }
}
