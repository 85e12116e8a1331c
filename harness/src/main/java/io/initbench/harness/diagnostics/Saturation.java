package io.initbench.harness.diagnostics;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.activations.Activation;

/**
 * When a unit counts as saturated, per activation. One rule for all of them: a unit's output
 * {@code a} is saturated when the activation's derivative there is at most
 * {@link #DERIVATIVE_THRESHOLD} of its largest derivative, i.e. the unit passes back at most 2 % of
 * the gradient it could. Each activation's derivative is written as a function of its output, so the
 * check needs only the activations, and the output thresholds below follow from the one number:
 *
 * <ul>
 *   <li>tanh: f' = 1 − a² ≤ 0.02 ⇔ |a| ≥ √0.98 ≈ 0.990;</li>
 *   <li>sigmoid: f'/f'(0) = 4a(1 − a) ≤ 0.02 ⇔ a ≤ 0.00505 or a ≥ 0.99495;</li>
 *   <li>softsign: f' = (1 − |a|)² ≤ 0.02 ⇔ |a| ≥ 1 − √0.02 ≈ 0.859 (softsign approaches ±1 only
 *       polynomially: |a| ≥ 0.99 would need |x| ≥ 99, so a 0.99 rule never fires);</li>
 *   <li>hardtanh, hardsigmoid: derivative 0 exactly at the bounds (−1/1 and 0/1), 1 between;</li>
 *   <li>ELU (α = 1): f' = a + 1 for a &lt; 0 ≤ 0.02 ⇔ a ≤ −0.98.</li>
 * </ul>
 *
 * ReLU and ReLU6 have no saturation fraction: a ReLU unit's derivative is 0 on half its inputs by
 * design, and what matters is a unit that is 0 on every example (dead), which {@link SignalProbe}
 * counts separately for {@link #CAN_DIE}.
 */
public enum Saturation {
    TANH(Activation.TANH, a -> 1 - a * a),
    SIGMOID(Activation.SIGMOID, a -> 4 * a * (1 - a)),
    SOFTSIGN(Activation.SOFTSIGN, a -> (1 - Math.abs(a)) * (1 - Math.abs(a))),
    HARDTANH(Activation.HARDTANH, a -> Math.abs(a) >= 1 ? 0 : 1),
    HARDSIGMOID(Activation.HARDSIGMOID, a -> a <= 0 || a >= 1 ? 0 : 1),
    ELU(Activation.ELU, a -> a >= 0 ? 1 : a + 1);

    /** Saturated: the derivative is at most this share of the activation's largest derivative. */
    public static final double DERIVATIVE_THRESHOLD = 0.02;

    /** Activations whose units can die (output 0 for every input of a batch). */
    public static final java.util.Set<Activation> CAN_DIE =
            java.util.EnumSet.of(Activation.RELU, Activation.RELU6);

    private final Activation activation;
    private final DoubleUnaryOperator relativeDerivative;

    Saturation(Activation activation, DoubleUnaryOperator relativeDerivative) {
        this.activation = activation;
        this.relativeDerivative = relativeDerivative;
    }

    public static Optional<Saturation> of(Activation activation) {
        return Arrays.stream(values()).filter(s -> s.activation == activation).findFirst();
    }

    public Activation activation() {
        return activation;
    }

    /** Derivative at output {@code a}, divided by the activation's largest derivative. */
    public double relativeDerivative(double a) {
        return relativeDerivative.applyAsDouble(a);
    }

    public boolean saturated(double a) {
        return relativeDerivative(a) <= DERIVATIVE_THRESHOLD;
    }

    /** Share of the entries of {@code activations} that are saturated. */
    public double fraction(float[] activations) {
        long n = 0;
        for (float v : activations) {
            if (saturated(v)) {
                n++;
            }
        }
        return activations.length == 0 ? 0 : (double) n / activations.length;
    }
}
