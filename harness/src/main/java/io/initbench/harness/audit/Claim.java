package io.initbench.harness.audit;

import io.initbench.harness.spec.InitSpec;
import java.util.Optional;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * What an initializer's name promises about one weight tensor, from the papers and DL4J's own
 * documentation: mean, variance and family (normal, uniform, constant, sparse, orthogonal).
 */
public record Claim(double mean, double variance, Family family, String formula, int sparseK, double gain) {

    /** Distribution families, each with its excess-free kurtosis where it has one. */
    public enum Family {
        NORMAL(3.0), UNIFORM(1.8), CONSTANT(Double.NaN), SPARSE(Double.NaN), ORTHOGONAL(Double.NaN);

        final double kurtosis;

        Family(double kurtosis) {
            this.kurtosis = kurtosis;
        }
    }

    static Claim of(double mean, double variance, Family family, String formula) {
        return new Claim(mean, variance, family, formula, 0, 0);
    }

    /** The claim for an initializer on a shape; empty when the name makes no distributional claim. */
    public static Optional<Claim> of(InitSpec spec, AuditShape s) {
        double in = s.fanIn();
        double out = s.fanOut();
        // every variant handled: a new one does not compile here until it states its claim
        return spec.match(new InitSpec.Cases<>() {
            @Override
            public Optional<Claim> dl4j(InitSpec.Dl4j d) {
                return Claim.dl4j(d.init(), in, out);
            }

            @Override
            public Optional<Claim> normal(InitSpec.Normal n) {
                return Optional.of(Claim.of(n.mean(), n.std() * n.std(), Family.NORMAL, "std²"));
            }

            @Override
            public Optional<Claim> uniform(InitSpec.Uniform u) {
                double w = u.upper() - u.lower();
                return Optional.of(Claim.of((u.lower() + u.upper()) / 2, w * w / 12, Family.UNIFORM, "(b-a)²/12"));
            }

            @Override
            public Optional<Claim> constant(InitSpec.Constant c) {
                return Optional.of(Claim.of(c.value(), 0, Family.CONSTANT, "0"));
            }

            @Override
            public Optional<Claim> sparse(InitSpec.Sparse sp) {
                int k = (int) Math.min(sp.k(), in);
                return Optional.of(new Claim(0, k * sp.std() * sp.std() / in, Family.SPARSE, "k·std²/fan_in", k, 0));
            }

            @Override
            public Optional<Claim> orthogonal(InitSpec.Orthogonal o) {
                return Optional.of(Claim.orthogonal(o.gain(), s));
            }

            @Override
            public Optional<Claim> lsuv(InitSpec.Lsuv l) {
                // the data-independent part: orthogonal pre-init with gain 1
                return Optional.of(Claim.orthogonal(1.0, s));
            }

            @Override
            public Optional<Claim> pretrained(InitSpec.Pretrained p) {
                // whatever the saved model holds: no distribution is promised
                return Optional.empty();
            }
        });
    }

    private static Claim orthogonal(double gain, AuditShape s) {
        double units = s.order() == 'f' ? s.shape()[s.shape().length - 1] : s.shape()[0];
        double fanIn = s.length() / units;
        return new Claim(0, gain * gain / Math.max(units, fanIn), Family.ORTHOGONAL, "gain²/max(units, fan_in)", 0,
                gain);
    }

    private static Optional<Claim> dl4j(WeightInit w, double in, double out) {
        double avg = 2.0 / (in + out);
        return Optional.ofNullable(switch (w) {
            case ZERO -> of(0, 0, Family.CONSTANT, "0");
            case ONES -> of(1, 0, Family.CONSTANT, "0");
            // DL4J's javadoc: N(0, 1/fan_in) and U[-1/√fan_in, 1/√fan_in]
            case NORMAL, LECUN_NORMAL, XAVIER_FAN_IN, VAR_SCALING_NORMAL_FAN_IN ->
                    of(0, 1 / in, Family.NORMAL, "1/fan_in");
            case UNIFORM -> of(0, 1 / (3 * in), Family.UNIFORM, "1/(3·fan_in)");
            // LeCun 1998: U[-√(3/fan_in), √(3/fan_in)]
            case LECUN_UNIFORM, VAR_SCALING_UNIFORM_FAN_IN -> of(0, 1 / in, Family.UNIFORM, "1/fan_in");
            case XAVIER, VAR_SCALING_NORMAL_FAN_AVG -> of(0, avg, Family.NORMAL, "2/(fan_in+fan_out)");
            case XAVIER_UNIFORM, VAR_SCALING_UNIFORM_FAN_AVG -> of(0, avg, Family.UNIFORM, "2/(fan_in+fan_out)");
            case XAVIER_LEGACY -> of(0, 1 / (in + out), Family.NORMAL, "1/(fan_in+fan_out)");
            case VAR_SCALING_NORMAL_FAN_OUT -> of(0, 1 / out, Family.NORMAL, "1/fan_out");
            case VAR_SCALING_UNIFORM_FAN_OUT -> of(0, 1 / out, Family.UNIFORM, "1/fan_out");
            // He et al. 2015
            case RELU -> of(0, 2 / in, Family.NORMAL, "2/fan_in");
            case RELU_UNIFORM -> of(0, 2 / in, Family.UNIFORM, "2/fan_in");
            // 4 × Glorot's uniform bound
            case SIGMOID_UNIFORM -> of(0, 16 * avg, Family.UNIFORM, "32/(fan_in+fan_out)");
            case IDENTITY, DISTRIBUTION -> null;
        });
    }
}
