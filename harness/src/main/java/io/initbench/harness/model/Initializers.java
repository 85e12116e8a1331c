package io.initbench.harness.model;

import io.initbench.harness.spec.InitSpec;
import org.deeplearning4j.nn.conf.distribution.ConstantDistribution;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;

/** Maps an {@link InitSpec} to the DL4J {@link IWeightInit} that implements it. */
public final class Initializers {
    private Initializers() {
    }

    public static IWeightInit of(InitSpec spec) {
        // InitSpec is sealed; Java 17 has no pattern switch, so the chain ends in an impossible case
        if (spec instanceof InitSpec.Dl4j d) {
            return d.init().getWeightInitFunction();
        } else if (spec instanceof InitSpec.Normal n) {
            return new WeightInitDistribution(new NormalDistribution(n.mean(), n.std()));
        } else if (spec instanceof InitSpec.Uniform u) {
            return new WeightInitDistribution(new UniformDistribution(u.lower(), u.upper()));
        } else if (spec instanceof InitSpec.Constant c) {
            return new WeightInitDistribution(new ConstantDistribution(c.value()));
        } else if (spec instanceof InitSpec.Sparse s) {
            return new WeightInitSparse(s.k(), s.std());
        } else if (spec instanceof InitSpec.Orthogonal o) {
            return new WeightInitOrthogonal(o.gain());
        } else if (spec instanceof InitSpec.Lsuv) {
            // LSUV's first step; PostInit rescales per layer once data is at hand
            return new WeightInitOrthogonal(1.0);
        } else if (spec instanceof InitSpec.Pretrained) {
            // placeholder draw, overwritten by PostInit with the saved weights
            return WeightInit.XAVIER.getWeightInitFunction();
        }
        throw new AssertionError("unhandled initializer " + spec);
    }
}
