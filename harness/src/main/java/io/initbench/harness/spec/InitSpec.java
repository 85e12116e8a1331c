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
 *   <li>{@code SPARSE(k[, std])}: Martens 2010, k (default 15) non-zero N(0, std²) incoming weights per
 *       unit (std default 1).</li>
 *   <li>{@code ORTHOGONAL(gain)}: Saxe et al. 2013, gain (default 1) × a (semi-)orthogonal matrix.</li>
 *   <li>{@code LSUV(tol, maxIter)}: Mishkin &amp; Matas 2015, orthogonal, then each layer's pre-activation
 *       variance on one training batch is scaled to 1 ± tol (defaults 0.1, 10 iterations per layer).</li>
 *   <li>{@code PRETRAINED(path)}: the weights of a saved DL4J model with the same layer shapes.</li>
 * </ul>
 * Bare {@code SPARSE}, {@code ORTHOGONAL} and {@code LSUV} take the defaults.
 * {@link #label()} is the canonical spelling used in cell ids, tables and records.
 */
public sealed interface InitSpec {

    String label();

    /**
     * Calls the method of {@code cases} for this variant. Java 17 has pattern matching for {@code switch}
     * only as a preview, so this is the exhaustive switch over the sealed variants: a new variant must
     * implement {@code match}, which needs a new method in {@link Cases}, which fails to compile in every
     * mapping until it handles the variant.
     */
    <R> R match(Cases<R> cases);

    /** One method per variant of {@link InitSpec}: a mapping from initializers to {@code R}. */
    interface Cases<R> {
        R dl4j(Dl4j d);

        R normal(Normal n);

        R uniform(Uniform u);

        R constant(Constant c);

        R sparse(Sparse s);

        R orthogonal(Orthogonal o);

        R lsuv(Lsuv l);

        R pretrained(Pretrained p);
    }

    /** A DL4J built-in, by enum name. */
    record Dl4j(WeightInit init) implements InitSpec {
        public Dl4j {
            if (init == WeightInit.DISTRIBUTION) {
                throw new SuiteException("weightInit DISTRIBUTION needs a distribution: write NORMAL(mean,std),"
                        + " UNIFORM(a,b) or CONSTANT(c)");
            }
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.dl4j(this);
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
        public <R> R match(Cases<R> cases) {
            return cases.normal(this);
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
        public <R> R match(Cases<R> cases) {
            return cases.uniform(this);
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
        public <R> R match(Cases<R> cases) {
            return cases.constant(this);
        }

        @Override
        public String label() {
            return "CONSTANT(" + num(value) + ")";
        }
    }

    record Sparse(int k, double std) implements InitSpec {
        public static final int DEFAULT_K = 15;

        public Sparse {
            if (k < 1 || !(std > 0) || !Double.isFinite(std)) {
                throw new SuiteException("SPARSE(k, std) needs k >= 1 and std > 0, got SPARSE(" + k + ", " + std + ")");
            }
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.sparse(this);
        }

        @Override
        public String label() {
            return std == 1.0 ? "SPARSE(" + k + ")" : "SPARSE(" + k + "," + num(std) + ")";
        }
    }

    record Orthogonal(double gain) implements InitSpec {
        public Orthogonal {
            if (!(gain > 0) || !Double.isFinite(gain)) {
                throw new SuiteException("ORTHOGONAL(gain) needs a finite gain > 0, got " + gain);
            }
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.orthogonal(this);
        }

        @Override
        public String label() {
            return "ORTHOGONAL(" + num(gain) + ")";
        }
    }

    /** LSUV: orthogonal pre-init, then data-dependent rescaling after {@code net.init()}. */
    record Lsuv(double tolerance, int maxIterations) implements InitSpec {
        public Lsuv {
            if (!(tolerance > 0 && tolerance < 1) || maxIterations < 1) {
                throw new SuiteException("LSUV(tol, maxIter) needs 0 < tol < 1 and maxIter >= 1, got LSUV(" + tolerance
                        + ", " + maxIterations + ")");
            }
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.lsuv(this);
        }

        @Override
        public String label() {
            return "LSUV(" + num(tolerance) + "," + maxIterations + ")";
        }
    }

    /** Weights copied from a saved DL4J model after {@code net.init()}. */
    record Pretrained(String path) implements InitSpec {
        public Pretrained {
            if (path == null || path.isBlank()) {
                throw new SuiteException("PRETRAINED(path) needs the path of a saved DL4J model (.zip)");
            }
            path = path.trim();
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.pretrained(this);
        }

        @Override
        public String label() {
            return "PRETRAINED(" + path + ")";
        }
    }

    Pattern CALL = Pattern.compile("([A-Za-z_]+)\\s*\\(([^()]*)\\)");
    List<String> PARAMETERISED = List.of("NORMAL(mean,std)", "UNIFORM(a,b)", "CONSTANT(c)", "SPARSE(k[,std])",
            "ORTHOGONAL(gain)", "LSUV(tol,maxIter)", "PRETRAINED(path)");

    static InitSpec parse(String text) {
        String s = text.trim();
        switch (s.toUpperCase(Locale.ROOT)) {
            case "SPARSE":
                return new Sparse(Sparse.DEFAULT_K, 1.0);
            case "ORTHOGONAL":
                return new Orthogonal(1.0);
            case "LSUV":
                return new Lsuv(0.1, 10);
            default:
                break;
        }
        Matcher m = CALL.matcher(s);
        if (m.matches()) {
            String name = m.group(1).toUpperCase(Locale.ROOT);
            if (name.equals("PRETRAINED")) {
                return new Pretrained(m.group(2));
            }
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
                case "SPARSE" -> {
                    if (args.length < 1 || args.length > 2) {
                        arity(s, args, 1);
                    }
                    yield new Sparse(whole(s, args[0]), args.length == 2 ? args[1] : 1.0);
                }
                case "ORTHOGONAL" -> {
                    arity(s, args, 1);
                    yield new Orthogonal(args[0]);
                }
                case "LSUV" -> {
                    arity(s, args, 2);
                    yield new Lsuv(args[0], whole(s, args[1]));
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

    private static int whole(String spec, double v) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new SuiteException("weightInit " + spec + ": " + v + " must be a whole number");
        }
        return (int) v;
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
