package io.initbench.harness.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import io.initbench.harness.model.Initializers;
import io.initbench.harness.model.UnitLayout;
import io.initbench.harness.spec.InitSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Samples an initializer on a shape until about {@code samples} weights were drawn and compares the
 * empirical moments with its {@link Claim}. Tolerances are far wider than sampling error (with 2M
 * weights the variance estimate is good to ~0.1 %, the kurtosis to ~0.005), so a FAIL is a real
 * deviation, not noise.
 */
public final class InitAudit {
    public static final double VARIANCE_TOLERANCE = 0.03;
    public static final double KURTOSIS_TOLERANCE = 0.15;
    public static final double ORTHOGONALITY_TOLERANCE = 1e-4;

    /**
     * PASS: as claimed; KNOWN_DEVIATION: not as claimed, but exactly as an entry of
     * {@link KnownDeviations} says DL4J draws it; FAIL: a deviation nobody has explained.
     */
    public enum Verdict { PASS, KNOWN_DEVIATION, FAIL, NO_CLAIM, NOT_APPLICABLE }

    /**
     * One initializer on one shape: what its {@link Claim} expects beside what the sample measured.
     * {@code audit.json} keeps the flat row that scripts read ({@link #json()}).
     */
    public record Row(String init, String shape, double fanIn, double fanOut, Expected expected, Measured measured,
                      Verdict verdict, String note) {
        public Row {
            Objects.requireNonNull(init, "init");
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(measured, "measured");
            Objects.requireNonNull(verdict, "verdict");
        }

        /** The row as audit.json has always written it: expected and measured side by side, per moment. */
        @JsonValue
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", init);
            m.put("shape", shape);
            m.put("fanIn", fanIn);
            m.put("fanOut", fanOut);
            m.put("formula", expected.formula());
            m.put("expectedMean", expected.mean());
            m.put("measuredMean", measured.mean());
            m.put("expectedVariance", expected.variance());
            m.put("measuredVariance", measured.variance());
            m.put("ratio", measured.ratio());
            m.put("expectedKurtosis", expected.kurtosis());
            m.put("measuredKurtosis", measured.kurtosis());
            m.put("check", measured.check());
            m.put("verdict", verdict);
            m.put("note", note);
            return m;
        }
    }

    /**
     * What a {@link Claim} promises: its variance formula, mean, variance and the kurtosis of its family;
     * null where it promises nothing.
     */
    public record Expected(String formula, Double mean, Double variance, Double kurtosis) {
        /** No claim: nothing expected. */
        public static final Expected NONE = new Expected("", null, null, null);

        public Expected {
            Objects.requireNonNull(formula, "formula (empty when there is none)");
        }

        static Expected of(Claim c) {
            return new Expected(c.formula(), c.mean(), c.variance(),
                    Double.isNaN(c.family().kurtosis) ? null : c.family().kurtosis);
        }
    }

    /**
     * The sample's moments (NaN where nothing was drawn), its variance as a multiple of the claim's
     * ({@code ratio}, null without a non-zero claimed variance), and {@code check}, the sparsity or
     * orthogonality measurement, if any.
     */
    public record Measured(double mean, double variance, Double ratio, Double kurtosis, String check) {
        /** Nothing could be drawn. */
        public static final Measured NONE = new Measured(Double.NaN, Double.NaN, null, null, "");

        public Measured {
            Objects.requireNonNull(check, "check (empty when there is none)");
        }
    }

    private final long samples;
    private final long seed;
    private final KnownDeviations known;

    public InitAudit(long samples, long seed, KnownDeviations known) {
        this.samples = samples;
        this.seed = seed;
        this.known = known;
    }

    public InitAudit(long samples, long seed) {
        this(samples, seed, KnownDeviations.builtIn());
    }

    /** Everything initbench can name: every DL4J WeightInit and the project's own initializers. */
    public static List<InitSpec> defaultInitializers() {
        List<InitSpec> out = new ArrayList<>();
        for (WeightInit w : WeightInit.values()) {
            if (w != WeightInit.DISTRIBUTION) {
                out.add(new InitSpec.Dl4j(w));
            }
        }
        for (String s : List.of("NORMAL(0,0.01)", "UNIFORM(-0.05,0.05)", "CONSTANT(0.1)", "SPARSE(15)",
                "ORTHOGONAL(1)", "LSUV")) {
            out.add(InitSpec.parse(s));
        }
        return out;
    }

    public List<Row> run(List<InitSpec> inits, List<AuditShape> shapes) {
        List<Row> rows = new ArrayList<>();
        for (InitSpec spec : inits) {
            for (AuditShape shape : shapes) {
                rows.add(audit(spec.label(), spec, Initializers.of(spec), shape));
            }
        }
        return rows;
    }

    /** Running moments and the structural checks (sparsity, orthogonality) of weight draws. */
    static final class Sample {
        private final UnitLayout layout;
        private final Optional<Claim> claim;
        private double s1;
        private double s2;
        private double s3;
        private double s4;
        private double count;
        private double worstOrthogonality;
        private int minNonZero = Integer.MAX_VALUE;
        private int maxNonZero;
        private int draws;

        Sample(UnitLayout layout, Optional<Claim> claim) {
            this.layout = layout;
            this.claim = claim;
        }

        /** @param w one whole tensor's weights, unit by unit as {@link UnitLayout} describes */
        void add(float[] w) {
            for (float f : w) {
                double x = f;
                double x2 = x * x;
                s1 += x;
                s2 += x2;
                s3 += x2 * x;
                s4 += x2 * x2;
            }
            count += w.length;
            if (claim.isPresent() && claim.get().family() == Claim.Family.SPARSE) {
                for (int u = 0; u < layout.units(); u++) {
                    int nz = 0;
                    for (int i = 0; i < layout.fanIn(); i++) {
                        if (w[u * layout.fanIn() + i] != 0f) {
                            nz++;
                        }
                    }
                    minNonZero = Math.min(minNonZero, nz);
                    maxNonZero = Math.max(maxNonZero, nz);
                }
            }
            // the Gram matrix is the expensive part: three draws show a broken orthogonalization
            if (claim.isPresent() && claim.get().family() == Claim.Family.ORTHOGONAL && draws < 3) {
                worstOrthogonality = Math.max(worstOrthogonality, orthogonalityError(w, layout, claim.get().gain()));
            }
            draws++;
        }
    }

    /**
     * @param claimed what the initializer says it is
     * @param impl    what actually draws the weights (normally {@code Initializers.of(claimed)}; a test
     *                passes a deliberately wrong one)
     */
    public Row audit(String label, InitSpec claimed, IWeightInit impl, AuditShape shape) {
        Optional<Claim> claim = Claim.of(claimed, shape);
        int n = (int) shape.length();
        int draws = (int) Math.max(1, (samples + n - 1) / n);
        Nd4j.getRandom().setSeed(seed);
        Sample sample = new Sample(UnitLayout.of(shape.shape(), shape.order()), claim);
        for (int d = 0; d < draws; d++) {
            INDArray view = Nd4j.createUninitialized(DataType.FLOAT, 1, n);
            try {
                impl.init(shape.fanIn(), shape.fanOut(), shape.shape(), shape.order(), view);
            } catch (RuntimeException e) {
                return new Row(label, shape.name(), shape.fanIn(), shape.fanOut(), Expected.NONE, Measured.NONE,
                        Verdict.NOT_APPLICABLE, e.getMessage());
            }
            sample.add(view.data().asFloat());
        }
        return judge(label, claimed, shape, sample);
    }

    /**
     * Compares the sample with the claim; a deviation that matches a known one (same initializer and
     * layer kind, its variance ratio and kurtosis within their tolerances) is KNOWN_DEVIATION.
     * Tolerances widen to 5 standard errors of the estimate where the sample is small (a real
     * network's 3×3 conv layer on one channel has 288 weights).
     */
    Row judge(String label, InitSpec claimed, AuditShape shape, Sample sample) {
        Optional<Claim> claim = sample.claim;
        double count = sample.count;
        double mean = sample.s1 / count;
        double var = sample.s2 / count - mean * mean;
        double m4 = sample.s4 / count - 4 * mean * sample.s3 / count + 6 * mean * mean * sample.s2 / count
                - 3 * Math.pow(mean, 4);
        double kurtosis = var > 0 ? m4 / (var * var) : Double.NaN;
        if (claim.isEmpty()) {
            return new Row(label, shape.name(), shape.fanIn(), shape.fanOut(), Expected.NONE,
                    new Measured(mean, var, null, kurtosis, ""), Verdict.NO_CLAIM, "the name makes no distributional claim");
        }
        Claim c = claim.get();
        Double ratio = c.variance() == 0 ? null : var / c.variance();
        Expected expected = Expected.of(c);
        Double expectedKurtosis = expected.kurtosis();
        List<String> problems = problems(c, sample, mean, var, kurtosis, 1.0, expectedKurtosis);
        String check = "";
        if (c.family() == Claim.Family.SPARSE) {
            int lo = sample.minNonZero;
            int hi = sample.maxNonZero;
            check = "non-zeros per unit " + (lo == hi ? lo : lo + ".." + hi);
        } else if (c.family() == Claim.Family.ORTHOGONAL) {
            check = String.format(java.util.Locale.ROOT, "max ‖WWᵀ−g²I‖ %.1e", sample.worstOrthogonality);
        }
        Verdict verdict = problems.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        String note = String.join("; ", problems);
        if (!problems.isEmpty()) {
            Optional<KnownDeviations.Deviation> k = known.find(claimed, shape.shape().length == 4);
            if (k.isPresent() && problems(c, sample, mean, var, kurtosis, k.get().varianceRatio(),
                    k.get().kurtosis() == null ? expectedKurtosis : k.get().kurtosis(), k.get().tolerance()).isEmpty()) {
                verdict = Verdict.KNOWN_DEVIATION;
                note = note + " — known: " + k.get().reason();
            }
        }
        return new Row(label, shape.name(), shape.fanIn(), shape.fanOut(), expected,
                new Measured(mean, var, ratio, Double.isNaN(kurtosis) ? null : kurtosis, check), verdict, note);
    }

    private static List<String> problems(Claim c, Sample sample, double mean, double var, double kurtosis,
                                         double varianceFactor, Double expectedKurtosis) {
        return problems(c, sample, mean, var, kurtosis, varianceFactor, expectedKurtosis, VARIANCE_TOLERANCE);
    }

    /** What differs from the claim, with its variance scaled by varianceFactor and the given kurtosis. */
    private static List<String> problems(Claim c, Sample sample, double mean, double var, double kurtosis,
                                         double varianceFactor, Double expectedKurtosis, double varianceTolerance) {
        double count = sample.count;
        List<String> problems = new ArrayList<>();
        double expected = c.variance() * varianceFactor;
        if (c.variance() == 0) {
            if (var > 1e-12) {
                problems.add("variance " + var + " where the claim is a constant");
            }
        } else {
            double ratio = var / expected;
            // the sample's own standard error of the variance: sqrt((kurtosis - 1) / n). Tiny for dense
            // draws; large for sparse ones, where few weights are non-zero, and for small layers
            double standardError = Math.sqrt(Math.max(0, kurtosis - 1) / count);
            if (Math.abs(ratio - 1) > Math.max(varianceTolerance, 5 * standardError)) {
                problems.add(String.format(java.util.Locale.ROOT, "variance is %.3f× the claim", var / c.variance()));
            }
        }
        double meanSlack = 6 * Math.sqrt(Math.max(expected, 1e-30) / count) + 1e-6 * (1 + Math.abs(c.mean()));
        if (Math.abs(mean - c.mean()) > meanSlack) {
            problems.add(String.format(java.util.Locale.ROOT, "mean %.4g, claim %.4g", mean, c.mean()));
        }
        // the sample kurtosis of n normal draws has standard error sqrt(24/n)
        double kurtosisSlack = Math.max(KURTOSIS_TOLERANCE, 5 * Math.sqrt(24 / count));
        if (expectedKurtosis != null && Math.abs(kurtosis - expectedKurtosis) > kurtosisSlack) {
            problems.add(String.format(java.util.Locale.ROOT, "kurtosis %.2f: not %s-shaped", kurtosis,
                    c.family().name().toLowerCase()));
        }
        if (c.family() == Claim.Family.SPARSE && (sample.minNonZero != c.sparseK() || sample.maxNonZero != c.sparseK())) {
            problems.add("expected exactly " + c.sparseK() + " non-zero incoming weights per unit");
        } else if (c.family() == Claim.Family.ORTHOGONAL && sample.worstOrthogonality > ORTHOGONALITY_TOLERANCE) {
            problems.add("not orthogonal");
        }
        return problems;
    }

    /**
     * max |M Mᵀ − g² I| over the smaller Gram matrix of the units × fanIn matrix M: orthonormal rows
     * when units ≤ fanIn, orthonormal columns otherwise.
     */
    static double orthogonalityError(float[] w, UnitLayout layout, double gain) {
        int rows = layout.units();
        int cols = layout.fanIn();
        boolean byRows = rows <= cols;
        int k = byRows ? rows : cols;
        int inner = byRows ? cols : rows;
        double worst = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                double dot = 0;
                for (int i = 0; i < inner; i++) {
                    double x = byRows ? w[a * cols + i] : w[i * cols + a];
                    double y = byRows ? w[b * cols + i] : w[i * cols + b];
                    dot += x * y;
                }
                worst = Math.max(worst, Math.abs(dot - (a == b ? gain * gain : 0)));
            }
        }
        return worst;
    }
}
