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
    /** Every variant handled: a new one does not compile here until it has its DL4J initializer. */
    private static final InitSpec.Cases<IWeightInit> DL4J = new InitSpec.Cases<>() {
        @Override
        public IWeightInit dl4j(InitSpec.Dl4j d) {
            return d.init().getWeightInitFunction();
        }

        @Override
        public IWeightInit normal(InitSpec.Normal n) {
            return new WeightInitDistribution(new NormalDistribution(n.mean(), n.std()));
        }

        @Override
        public IWeightInit uniform(InitSpec.Uniform u) {
            return new WeightInitDistribution(new UniformDistribution(u.lower(), u.upper()));
        }

        @Override
        public IWeightInit constant(InitSpec.Constant c) {
            return new WeightInitDistribution(new ConstantDistribution(c.value()));
        }

        @Override
        public IWeightInit sparse(InitSpec.Sparse s) {
            return new WeightInitSparse(s.k(), s.std());
        }

        @Override
        public IWeightInit orthogonal(InitSpec.Orthogonal o) {
            return new WeightInitOrthogonal(o.gain());
        }

        @Override
        public IWeightInit lsuv(InitSpec.Lsuv l) {
            // LSUV's first step; PostInit rescales per layer once data is at hand
            return new WeightInitOrthogonal(1.0);
        }

        @Override
        public IWeightInit pretrained(InitSpec.Pretrained p) {
            // placeholder draw, overwritten by PostInit with the saved weights
            return WeightInit.XAVIER.getWeightInitFunction();
        }
    };

    private Initializers() {
    }

    public static IWeightInit of(InitSpec spec) {
        return spec.match(DL4J);
    }
}
