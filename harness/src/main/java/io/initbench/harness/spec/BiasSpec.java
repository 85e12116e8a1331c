package io.initbench.harness.spec;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * How biases start: a constant (written as a number: {@code 0}, {@code 0.01}) or small random values
 * {@code NORMAL(mean,std)}, drawn per unit after init from the network's seeded generator. Random
 * biases alone break the symmetry of all-zero weights; constant ones do not.
 */
public sealed interface BiasSpec {

    /** Canonical spelling: part of the cell id. */
    String label();

    record Constant(double value) implements BiasSpec {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new SuiteException("biasInit " + value + " is not a finite number");
            }
        }

        @Override
        public String label() {
            return Double.toString(value);
        }
    }

    record Normal(double mean, double std) implements BiasSpec {
        public Normal {
            if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
                throw new SuiteException("biasInit NORMAL(mean, std) needs a finite mean and std > 0");
            }
        }

        @Override
        public String label() {
            return InitSpec.parse("NORMAL(" + mean + "," + std + ")").label();
        }
    }

    static BiasSpec parse(String text) {
        String s = text.trim();
        try {
            return new Constant(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            Matcher m = InitSpec.CALL.matcher(s);
            if (m.matches() && m.group(1).toUpperCase(Locale.ROOT).equals("NORMAL")) {
                InitSpec.Normal n = (InitSpec.Normal) InitSpec.parse(s);
                return new Normal(n.mean(), n.std());
            }
            throw new SuiteException("biasInit '" + s + "' is not valid; use a number (0, 0.01) or NORMAL(mean,std)");
        }
    }

    /** The constant value, or 0 for random biases (DL4J's biasInit before the random draw replaces it). */
    default double constantPart() {
        return this instanceof Constant c ? c.value() : 0.0;
    }
}
