package io.initbench.harness.spec;

import java.util.regex.Pattern;

/**
 * A named experiment: the axes to sweep, how each cell trains, and optionally how the learning rate is
 * tuned per configuration ({@code tuning}, null = the rate is the {@code learningRate} axis).
 */
public record SuiteSpec(String name, String description, Axes axes, TrainingSettings training, TuningSpec tuning) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SuiteSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SuiteException("suite name '" + name + "' is not valid: use 1-64 letters, digits, '.', '_' or '-'"
                    + " (it names the results directory)");
        }
        description = description == null ? "" : description;
        if (axes == null || training == null) {
            throw new SuiteException("suite " + name + " lacks axes or training");
        }
        // the suite-level rate is the axis's first value, so the two can never disagree
        training = training.withLearningRate(axes.learningRate().get(0));
        if (tuning != null) {
            if (axes.learningRate().size() > 1) {
                throw new SuiteException("suite " + name + " both sweeps axes.learningRate " + axes.learningRate()
                        + " and tunes it; list the rates under tuning.learningRates only");
            }
            if (training.validationSize() == 0) {
                throw new SuiteException("suite " + name + " tunes the learning rate but has no validation split;"
                        + " set training.validationSize > 0 (the rate is chosen on validation, never on test)");
            }
            for (long s : tuning.seeds()) {
                if (axes.seed().contains(s)) {
                    throw new SuiteException("tuning seed " + s + " is also in axes.seed; use tuning seeds that the"
                            + " final cells do not use, so that no reported result is one the rate was chosen on");
                }
            }
        }
    }

    /** A suite without tuning. */
    public SuiteSpec(String name, String description, Axes axes, TrainingSettings training) {
        this(name, description, axes, training, null);
    }

    /** What a cell of this suite is for. */
    public CellPhase phaseOf(CellSpec cell) {
        if (tuning == null) {
            return CellPhase.GRID;
        }
        return tuning.seeds().contains(cell.seed()) ? CellPhase.TUNING : CellPhase.TUNED;
    }
}
