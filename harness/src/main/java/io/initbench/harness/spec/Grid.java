package io.initbench.harness.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Expands a suite into its cells: the cartesian product of the axes declared in {@link Parameter#ALL}, in a
 * fixed nesting order ({@link #NESTING}; seed innermost so the seeds of one configuration sit together).
 * The order is the order of {@code cells.jsonl} and of every report, so it is part of the results format.
 *
 * <p>With tuning, the rates are the tuning grid with every rate it may extend to
 * ({@link TuningSpec#allRates()}) and the seeds are the tuning seeds followed by the final seeds: the
 * expansion holds every cell the run can contain (each final seed at each rate), of which the run trains
 * the tuning cells its records call for and, per configuration, the final seeds at its chosen rate only.
 *
 * <p>A cell that a {@link CellOverride} matches takes its training settings; one whose rate the override
 * fixes appears once per final seed, at that rate (in the place of the first rate), and never as a tuning
 * cell.
 */
public final class Grid {
    /** Guard against a typo that would queue millions of training runs. */
    public static final long MAX_CELLS = 100_000;

    /** The axes from outermost to innermost: every axis of {@link Parameter#axes()} exactly once. */
    public static final List<String> NESTING = List.of("dataset", "architecture", "depth", "width", "batchNorm",
            "activation", "weightInit", "biasInit", "learningRate", "seed");

    static {
        Set<String> axes = Parameter.axes().stream().map(Parameter::key).collect(Collectors.toSet());
        if (!axes.equals(Set.copyOf(NESTING)) || NESTING.size() != axes.size()) {
            throw new IllegalStateException("Grid.NESTING " + NESTING + " must list every axis " + axes + " once");
        }
    }

    private Grid() {
    }

    public static List<CellSpec> cells(SuiteSpec suite) {
        Axes a = suite.axes();
        TuningSpec tuning = suite.tuning();
        Map<String, List<?>> replaced = new HashMap<>();
        if (tuning != null) {
            List<Long> seeds = new ArrayList<>(tuning.seeds());
            seeds.addAll(a.seed());
            replaced.put("learningRate", tuning.allRates());
            replaced.put("seed", seeds);
        }
        List<Parameter> order = NESTING.stream().map(Parameter::named).toList();
        List<List<?>> values = order.stream().<List<?>>map(p -> replaced.getOrDefault(p.key(), p.values(a))).toList();
        long size = 1;
        for (List<?> v : values) {
            try {
                size = Math.multiplyExact(size, v.size());
            } catch (ArithmeticException e) {
                // wrapping around could land under the cell limit and pass it
                throw new SuiteException("suite " + suite.name() + " expands to more than " + Long.MAX_VALUE
                        + " cells, more than " + MAX_CELLS + "; shrink its axes");
            }
        }
        if (size > MAX_CELLS) {
            throw new SuiteException("suite " + suite.name() + " expands to " + size + " cells, more than "
                    + MAX_CELLS + "; shrink its axes");
        }
        List<CellSpec> cells = new ArrayList<>((int) size);
        int[] at = new int[order.size()];
        int seedAt = NESTING.indexOf("seed");
        TrainingSettings tuningBudget = tuning == null ? null : tuning.budget(suite.training());
        int rateAt = NESTING.indexOf("learningRate");
        // each override's settings once per expansion (binding them goes through Jackson)
        Map<CellOverride, TrainingSettings> overridden = new HashMap<>();
        for (long n = 0; n < size; n++) {
            // a tuning cell trains on the tuning budget (the suite's unless the tuning section sets its own)
            boolean tuningCell = tuning != null && tuning.seeds().contains((Long) values.get(seedAt).get(at[seedAt]));
            CellSpec.Draft draft = new CellSpec.Draft(tuningCell ? tuningBudget : suite.training());
            for (int i = 0; i < order.size(); i++) {
                order.get(i).sweep().put().accept(draft, values.get(i).get(at[i]));
            }
            CellSpec cell = draft.build();
            CellOverride o = suite.overrideFor(cell);
            if (o == null) {
                cells.add(cell);
            } else {
                TrainingSettings t = overridden.computeIfAbsent(o, x -> x.apply(suite.training()));
                if (o.learningRate() == null) {
                    cells.add(cell.withTraining(tuningCell ? tuning.budget(t) : t));
                } else if (!tuningCell && at[rateAt] == 0) {
                    // a fixed rate: each final seed once, in the place of the first rate; no tuning cells
                    cells.add(cell.withRate(o.learningRate(), t));
                }
            }
            // odometer: the innermost axis turns fastest
            for (int i = order.size() - 1; i >= 0 && ++at[i] == values.get(i).size(); i--) {
                at[i] = 0;
            }
        }
        return List.copyOf(cells);
    }
}
