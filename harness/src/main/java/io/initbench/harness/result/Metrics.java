package io.initbench.harness.result;

import java.util.Objects;

/**
 * A cell's headline numbers, in three groups: how good the net ended up ({@link Accuracy}), how fast it
 * got there ({@link Convergence}) and how much was trained in how long ({@link Timing}). Nullable numbers
 * are null when the quantity does not exist (target never reached, cell never trained, no divergence),
 * never a sentinel number.
 *
 * <p>"Curve accuracy" is the accuracy of {@link CurvePoint#accuracy()}: on the validation split when the
 * cell has one, on the test split otherwise (and in records written before validation existed).
 *
 * @param parameterCount trainable parameters of the network (0 when it was never built)
 */
public record Metrics(Accuracy accuracy, Convergence convergence, Timing timing, long parameterCount) {

    public Metrics {
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(convergence, "convergence");
        Objects.requireNonNull(timing, "timing");
        nonNegative("parameterCount", parameterCount);
    }

    /** Metrics of a cell that never trained (skipped, or failed before its first update). */
    public static Metrics none(double wallSeconds) {
        return new Metrics(Accuracy.none(), Convergence.none(), Timing.untrained(wallSeconds), 0);
    }

    /** These metrics without what differs between two runs of the same cell: every duration. */
    public Metrics withoutTimings() {
        return new Metrics(accuracy, convergence.withoutSeconds(), timing.withoutSeconds(), parameterCount);
    }

    /**
     * How good the net ended up.
     *
     * @param finalTest       test accuracy after the last update (the test split's one use); null if the
     *                        cell diverged or never trained
     * @param finalValidation validation accuracy after the last update; null without a validation split
     *                        (and when {@code finalTest} is null)
     * @param best            best curve accuracy at any evaluation (before divergence, if any)
     * @param initial         curve accuracy before the first update
     * @param finalTrainLoss  mean training loss over the last evaluation interval; null when not finite or
     *                        never trained
     */
    public record Accuracy(Double finalTest, Double finalValidation, Double best, Double initial,
                           Double finalTrainLoss) {
        public Accuracy {
            fraction("finalTest", finalTest);
            fraction("finalValidation", finalValidation);
            fraction("best", best);
            fraction("initial", initial);
            if (finalTrainLoss != null && !(finalTrainLoss >= 0)) {
                throw new IllegalArgumentException("finalTrainLoss must be a non-negative loss or null, not "
                        + finalTrainLoss);
            }
        }

        /** Nothing measured: the cell never trained. */
        public static Accuracy none() {
            return new Accuracy(null, null, null, null, null);
        }

        /** A cell that diverged: no final accuracy, only what the curve showed before. */
        public static Accuracy diverged(Double best, Double initial) {
            return new Accuracy(null, null, best, initial, null);
        }
    }

    /**
     * How fast the cell learned, or that it blew up.
     *
     * @param iterationsToTarget first evaluation whose curve accuracy reached the target (likewise samples and
     *                           seconds of training); null when the target was never reached
     * @param auc                area under curve accuracy vs training samples, divided by the samples trained:
     *                           1.0 would be perfect accuracy from the first example; higher = faster
     *                           convergence; null when diverged or never trained
     * @param divergedAtIteration the update at which loss or a parameter stopped being finite; null if never
     */
    public record Convergence(Long iterationsToTarget, Long samplesToTarget, Double secondsToTarget, Double auc,
                              Long divergedAtIteration) {
        public Convergence {
            nonNegative("iterationsToTarget", iterationsToTarget);
            nonNegative("samplesToTarget", samplesToTarget);
            if (secondsToTarget != null && !(secondsToTarget >= 0)) {
                throw new IllegalArgumentException("secondsToTarget must be >= 0 or null, not " + secondsToTarget);
            }
            // a trapezoid sum of fractions over the samples it is divided by: at most 1 up to rounding
            if (auc != null && !(auc >= 0 && auc <= 1 + 1e-9)) {
                throw new IllegalArgumentException("auc must lie in [0, 1] or be null, not " + auc);
            }
            nonNegative("divergedAtIteration", divergedAtIteration);
        }

        /** Target never reached, no curve area, no divergence. */
        public static Convergence none() {
            return new Convergence(null, null, null, null, null);
        }

        /** Target never reached; training blew up at this update. */
        public static Convergence diverged(long atIteration) {
            return new Convergence(null, null, null, null, atIteration);
        }

        /** The target was reached at the evaluation of this curve point (null = never). */
        public static Convergence reached(CurvePoint target, Double auc, Long divergedAtIteration) {
            return target == null ? new Convergence(null, null, null, auc, divergedAtIteration)
                    : new Convergence(target.iteration(), target.samples(), target.trainSeconds(), auc,
                    divergedAtIteration);
        }

        Convergence withoutSeconds() {
            return new Convergence(iterationsToTarget, samplesToTarget, null, auc, divergedAtIteration);
        }
    }

    /**
     * How much was trained and in how long.
     *
     * @param iterations       updates made
     * @param samples          training examples seen
     * @param trainSeconds     time in {@code fit} only
     * @param evalSeconds      time spent evaluating the curve
     * @param wallSeconds      the whole cell, building and evaluating included
     * @param samplesPerSecond training throughput, fit time only; null when nothing was trained
     */
    public record Timing(long iterations, long samples, double trainSeconds, double evalSeconds, double wallSeconds,
                         Double samplesPerSecond) {
        public Timing {
            nonNegative("iterations", iterations);
            nonNegative("samples", samples);
            seconds("trainSeconds", trainSeconds);
            seconds("evalSeconds", evalSeconds);
            seconds("wallSeconds", wallSeconds);
            if (samplesPerSecond != null && !(samplesPerSecond >= 0)) {
                throw new IllegalArgumentException("samplesPerSecond must be >= 0 or null, not " + samplesPerSecond);
            }
        }

        /** A cell that trained: its throughput follows from the samples and the fit time. */
        public static Timing of(long iterations, long samples, double trainSeconds, double evalSeconds,
                                double wallSeconds) {
            return new Timing(iterations, samples, trainSeconds, evalSeconds, wallSeconds,
                    trainSeconds > 0 ? samples / trainSeconds : null);
        }

        /** A cell that never trained, which took this long to find out. */
        public static Timing untrained(double wallSeconds) {
            return new Timing(0, 0, 0, 0, wallSeconds, null);
        }

        Timing withoutSeconds() {
            return new Timing(iterations, samples, 0, 0, 0, null);
        }
    }

    private static void fraction(String name, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " accuracy must lie in [0, 1] or be null, not " + value);
        }
    }

    private static void nonNegative(String name, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 or null, not " + value);
        }
    }

    private static void nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, not " + value);
        }
    }

    private static void seconds(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number of seconds >= 0, not " + value);
        }
    }
}
