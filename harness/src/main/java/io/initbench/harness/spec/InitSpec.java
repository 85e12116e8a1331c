package io.initbench.harness.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * A weight initializer as named in a suite: either a DL4J {@link WeightInit} constant by name
 * ({@code XAVIER}, {@code RELU}, {@code ZERO}, ...) or a parameterised form, written
 * {@code NAME(arg, ...)}:
 * <ul>
 *   <li>{@code NORMAL(mean, std)}: N(mean, std²), e.g. the classic {@code NORMAL(0,0.01)}. Note that the
 *       bare DL4J name {@code NORMAL} is something else: N(0, 1/fan_in).</li>
 *   <li>{@code UNIFORM(a, b)}: U[a, b]. (Bare {@code UNIFORM} is DL4J's U[-1/√fan_in, 1/√fan_in].)</li>
 *   <li>{@code CONSTANT(c)}: every weight c.</li>
 * </ul>
 * {@link #label()} is the canonical spelling used in cell ids, tables and records.
 */
public sealed interface InitSpec {

    String label();

    /** A DL4J built-in, by enum name. */
    record Dl4j(WeightInit init) implements InitSpec {
        public Dl4j {
            if (init == WeightInit.DISTRIBUTION) {
                throw new SuiteException("weightInit DISTRIBUTION needs a distribution: write NORMAL(mean,std),"
                        + " UNIFORM(a,b) or CONSTANT(c)");
            }
        }

        @Override
        public String label() {
            return init.name();
        }
    }

    record Normal(double mean, double std) implements InitSpec {
        public Normal {
            if (!(std > 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
                throw new SuiteException("NORMAL(mean, std) needs a finite mean and std > 0, got NORMAL(" + mean + ", " + std + ")");
            }
        }

        @Override
        public String label() {
            return "NORMAL(" + num(mean) + "," + num(std) + ")";
        }
    }

    record Uniform(double lower, double upper) implements InitSpec {
        public Uniform {
            if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new SuiteException("UNIFORM(a, b) needs finite a < b, got UNIFORM(" + lower + ", " + upper + ")");
            }
        }

        @Override
        public String label() {
            return "UNIFORM(" + num(lower) + "," + num(upper) + ")";
        }
    }

    record Constant(double value) implements InitSpec {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new SuiteException("CONSTANT(c) needs a finite c, got " + value);
            }
        }

        @Override
        public String label() {
            return "CONSTANT(" + num(value) + ")";
        }
    }

    Pattern CALL = Pattern.compile("([A-Za-z_]+)\\s*\\(([^()]*)\\)");
    List<String> PARAMETERISED = List.of("NORMAL(mean,std)", "UNIFORM(a,b)", "CONSTANT(c)");

    static InitSpec parse(String text) {
        String s = text.trim();
        Matcher m = CALL.matcher(s);
        if (m.matches()) {
            String name = m.group(1).toUpperCase(Locale.ROOT);
            double[] args = args(s, m.group(2));
            return switch (name) {
                case "NORMAL" -> {
                    arity(s, args, 2);
                    yield new Normal(args[0], args[1]);
                }
                case "UNIFORM" -> {
                    arity(s, args, 2);
                    yield new Uniform(args[0], args[1]);
                }
                case "CONSTANT" -> {
                    arity(s, args, 1);
                    yield new Constant(args[0]);
                }
                default -> throw unknown(s);
            };
        }
        try {
            return new Dl4j(WeightInit.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw unknown(s);
        }
    }

    private static double[] args(String whole, String list) {
        if (list.isBlank()) {
            return new double[0];
        }
        String[] parts = list.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new SuiteException("weightInit " + whole + ": '" + parts[i].trim() + "' is not a number");
            }
        }
        return out;
    }

    private static void arity(String whole, double[] args, int n) {
        if (args.length != n) {
            throw new SuiteException("weightInit " + whole + " takes " + n + " argument" + (n > 1 ? "s" : "")
                    + ", got " + args.length);
        }
    }

    private static SuiteException unknown(String s) {
        String dl4j = Arrays.stream(WeightInit.values()).filter(w -> w != WeightInit.DISTRIBUTION)
                .map(Enum::name).collect(Collectors.joining(", "));
        return new SuiteException("unknown weightInit '" + s + "'; valid: " + dl4j + ", " + String.join(", ", PARAMETERISED));
    }

    /** Shortest round-trip spelling: 0.01 not 0.010000, 1 not 1.0. */
    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }
}
