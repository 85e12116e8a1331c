package io.initbench.harness.spec;

import io.initbench.datasets.DatasetRef;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.activations.Activation;

/**
 * Expands a suite into its cells: the cartesian product of the axes, in a fixed nesting order
 * (dataset, architecture, depth, width, batchNorm, activation, weightInit, biasInit, learningRate, seed;
 * seed innermost so the seeds of one configuration sit together).
 *
 * <p>With tuning, the rates are the tuning grid and the seeds are the tuning seeds followed by the final
 * seeds: the expansion holds every cell the run can contain (each final seed at each rate), of which the
 * run trains the tuning cells and, per configuration, the final seeds at its chosen rate only.
 */
public final class Grid {
    /** Guard against a typo that would queue millions of training runs. */
    public static final long MAX_CELLS = 100_000;

    private Grid() {
    }

    public static List<CellSpec> cells(SuiteSpec suite) {
        Axes a = suite.axes();
        TuningSpec tuning = suite.tuning();
        List<Double> rates = tuning == null ? a.learningRate() : tuning.learningRates();
        List<Long> seeds = new ArrayList<>(tuning == null ? List.of() : tuning.seeds());
        seeds.addAll(a.seed());
        long size = a.size() / a.learningRate().size() / a.seed().size() * rates.size() * seeds.size();
        if (size > MAX_CELLS) {
            throw new SuiteException("suite " + suite.name() + " expands to " + size + " cells, more than "
                    + MAX_CELLS + "; shrink its axes");
        }
        List<CellSpec> cells = new ArrayList<>((int) size);
        for (DatasetRef dataset : a.dataset()) {
            for (Architecture arch : a.architecture()) {
                for (int depth : a.depth()) {
                    for (int width : a.width()) {
                        for (boolean bn : a.batchNorm()) {
                            for (Activation act : a.activation()) {
                                for (InitSpec init : a.weightInit()) {
                                    for (BiasSpec bias : a.biasInit()) {
                                        for (double lr : rates) {
                                            TrainingSettings t = suite.training().withLearningRate(lr);
                                            for (long seed : seeds) {
                                                cells.add(new CellSpec(dataset, arch, depth, width, init, act, bn,
                                                        bias, seed, t));
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(cells);
    }
}
