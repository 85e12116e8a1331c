package io.initbench.harness.spec;

import io.initbench.datasets.DatasetRef;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.activations.Activation;

/**
 * Expands a suite into its cells: the cartesian product of the axes, in a fixed nesting order
 * (dataset, architecture, depth, width, batchNorm, activation, weightInit, biasInit, seed; seed
 * innermost so the seeds of one configuration sit together).
 */
public final class Grid {
    /** Guard against a typo that would queue millions of training runs. */
    public static final long MAX_CELLS = 100_000;

    private Grid() {
    }

    public static List<CellSpec> cells(SuiteSpec suite) {
        Axes a = suite.axes();
        if (a.size() > MAX_CELLS) {
            throw new SuiteException("suite " + suite.name() + " expands to " + a.size() + " cells, more than "
                    + MAX_CELLS + "; shrink its axes");
        }
        List<CellSpec> cells = new ArrayList<>((int) a.size());
        for (DatasetRef dataset : a.dataset()) {
            for (Architecture arch : a.architecture()) {
                for (int depth : a.depth()) {
                    for (int width : a.width()) {
                        for (boolean bn : a.batchNorm()) {
                            for (Activation act : a.activation()) {
                                for (InitSpec init : a.weightInit()) {
                                    for (BiasSpec bias : a.biasInit()) {
                                        for (long seed : a.seed()) {
                                            cells.add(new CellSpec(dataset, arch, depth, width, init, act, bn, bias,
                                                    seed, suite.training()));
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
