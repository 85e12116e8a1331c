package io.initbench.harness.model.fast;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftSign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SoftSignBp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;

/**
 * A layer's activation as one native pass each way, writing where the caller says. DL4J's
 * {@code IActivation} works in place, so a layer that keeps its pre-activation for backprop must copy it
 * first (a second pass); for the activations the suites use, the same libnd4j op DL4J calls is run with
 * a separate output instead, forward and backward. Any other activation (or a ReLU with a cap, threshold or slope) goes through
 * the {@code IActivation} itself, so every activation still computes exactly what the stock layer does.
 */
final class ActivationOps {
    private static final ActivationReLU PLAIN_RELU = new ActivationReLU();

    private ActivationOps() {
    }

    /** DL4J's ReLU without a cap, threshold or negative slope. */
    static boolean isPlainRelu(IActivation afn) {
        return PLAIN_RELU.equals(afn);
    }

    static boolean isIdentity(IActivation afn) {
        return afn instanceof ActivationIdentity;
    }

    /** {@code out = f(z)}; z is left as it was. */
    static INDArray forward(IActivation afn, INDArray z, INDArray out, boolean training) {
        if (PLAIN_RELU.equals(afn)) {
            Nd4j.getExecutioner().exec(new RectifiedLinear(z, out));
        } else if (afn instanceof ActivationTanH) {
            Nd4j.getExecutioner().exec(new Tanh(z, out));
        } else if (afn instanceof ActivationSigmoid) {
            Nd4j.getExecutioner().exec(new Sigmoid(z, out));
        } else if (afn instanceof ActivationSoftSign) {
            Nd4j.getExecutioner().exec(new SoftSign(z, out));
        } else {
            out.assign(z);
            afn.getActivation(out, training);
        }
        return out;
    }

    /**
     * dL/dz from the pre-activation z and dL/df, written to {@code out} (which may be z itself, never
     * epsilon); epsilon is left as it was, and z too unless it is {@code out}.
     */
    static INDArray backward(IActivation afn, INDArray z, INDArray epsilon, INDArray out) {
        if (PLAIN_RELU.equals(afn)) {
            Nd4j.getExecutioner().exec(new RectifiedLinearDerivative(z, epsilon, out, 0.0));
        } else if (afn instanceof ActivationTanH) {
            Nd4j.getExecutioner().exec(new TanhDerivative(z, epsilon, out));
        } else if (afn instanceof ActivationSigmoid) {
            Nd4j.getExecutioner().exec(new SigmoidDerivative(z, epsilon, out));
        } else if (afn instanceof ActivationSoftSign) {
            Nd4j.getExecutioner().exec(new SoftSignBp(z, epsilon, out));
        } else if (isIdentity(afn)) {
            out.assign(epsilon);
        } else {
            if (out != z) {
                out.assign(z);
            }
            // DL4J's activations either return the array they were given or a new one
            INDArray d = afn.backprop(out, epsilon).getFirst();
            if (d != out) {
                out.assign(d);
            }
        }
        return out;
    }
}
