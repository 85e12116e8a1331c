package io.initbench.harness.train;

import io.initbench.harness.diagnostics.SignalProbe;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.model.PostInit;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.result.Diagnostics;
import io.initbench.harness.result.GradientPoint;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.result.Status;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.TrainingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Trains one cell: builds its network, then runs a plain mini-batch loop over a seeded shuffle of the
 * training data, evaluating at the suite's evaluation points. The loop checks the loss and the
 * parameters after every update and stops at the first non-finite one: a diverged cell costs one
 * iteration more than it had to, not the rest of its epochs.
 */
public final class CellTrainer {
    private final Path modelsDir;
    private final LayerPath layers;

    /**
     * @param modelsDir where to save each trained (non-diverged) network as {@code <cell id>.zip}; null = don't
     * @param layers    the layer implementations networks are built from
     */
    public CellTrainer(Path modelsDir, LayerPath layers) {
        this.modelsDir = modelsDir;
        this.layers = layers;
    }

    /** On the layer path this process selected ({@code -Dlayers}). */
    public CellTrainer(Path modelsDir) {
        this(modelsDir, LayerPath.selected());
    }

    public CellTrainer() {
        this(null);
    }

    /** What a cell produced; the runner adds identity and provenance to make a record. */
    public record Outcome(Status status, String reason, String error, Metrics metrics, List<CurvePoint> curve,
                          Diagnostics diagnostics) {
    }

    public Outcome run(CellSpec cell, PreparedData data) {
        long start = System.nanoTime();
        MultiLayerNetwork net;
        int probeSize = Math.min(cell.training().batchSize(), data.trainCount());
        MiniBatches.Batch probe = new MiniBatches(data, probeSize)
                .fill(probeOrder(cell, data.trainCount()), 0, probeSize);
        List<PostInit.LsuvLayer> lsuv;
        try {
            MultiLayerConfiguration conf = ModelFactory.build(cell, data.source().shape(), layers,
                    cell.training().updates(data.trainCount()));
            checkParameterMemory(conf);
            net = new MultiLayerNetwork(conf);
            net.init();
            layers.prepare(net);
            lsuv = PostInit.apply(cell, net, probe.features());
        } catch (OutOfMemoryError e) {
            // too big for this machine's limits is a resource failure, not an impossible combination
            return error(e, start);
        } catch (RuntimeException e) {
            if (outOfMemory(e)) {
                return error(e, start);
            }
            return new Outcome(Status.SKIPPED, "cannot build this cell: " + rootMessage(e), null,
                    Metrics.none(seconds(start)), List.of(), Diagnostics.none());
        }
        try {
            return train(cell, data, net, start, probe, lsuv);
        } catch (RuntimeException | OutOfMemoryError e) {
            return error(e, start);
        } finally {
            // frees parameters, gradients, updater state and workspaces now; left to the garbage
            // collector, a heap that rarely fills kept gigabytes of finished cells' native memory alive
            net.close();
        }
    }

    /**
     * Fails a network whose parameters and their gradients alone exceed the off-heap limit before
     * allocating them: the plain libnd4j build reports such an allocation as std::bad_alloc, but the
     * oneDNN build crashes the whole JVM on it, taking the other workers' cells with it.
     */
    static void checkParameterMemory(MultiLayerConfiguration conf) {
        long params = 0;
        for (NeuralNetConfiguration c : conf.getConfs()) {
            params += c.getLayer().initializer().numParams(c);
        }
        long bytes = 2 * params * conf.getDataType().width();
        long limit = Pointer.maxBytes();
        if (limit > 0 && bytes > limit) {
            throw new OutOfMemoryError(String.format(java.util.Locale.ROOT, "the network's %,d parameters and their"
                    + " gradients need %.1f GB, more than the off-heap limit of %.1f GB", params, bytes / 1e9,
                    limit / 1e9));
        }
    }

    /** An ERROR outcome with the stack trace; an OutOfMemoryError also says which limit to raise. */
    static Outcome error(Throwable e, long start) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String reason = e.getClass().getSimpleName() + ": " + rootMessage(e);
        if (outOfMemory(e)) {
            reason = "out of memory: " + reason + " (the cell needs more memory than this machine or JVM allows:"
                    + " raise -Xmx or -Dorg.bytedeco.javacpp.maxbytes, which bound initbench's per-cell memory check,"
                    + " or -Dorg.bytedeco.javacpp.maxphysicalbytes; or run fewer -Dworkers; or shrink the cell)";
        }
        return new Outcome(Status.ERROR, reason, trace.toString(), Metrics.none(seconds(start)), List.of(),
                Diagnostics.none());
    }

    /** Java heap exhaustion, or ND4J's native allocator failing (it throws a RuntimeException). */
    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof OutOfMemoryError || m.contains("bad_alloc") || m.contains("Allocation failed")
                    || m.contains("Cannot allocate") || m.contains("Failed to allocate")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The probe batch (LSUV's data, step-0 diagnostics): a fixed, seeded sample of the training split,
     * drawn from its own generator so that the training shuffle is the same with or without it.
     */
    private static int[] probeOrder(CellSpec cell, int n) {
        int[] order = identity(n);
        shuffle(order, new Random(cell.seed() ^ 0x9E3779B97F4A7C15L));
        return order;
    }

    private Outcome train(CellSpec cell, PreparedData data, MultiLayerNetwork net, long start, MiniBatches.Batch probe,
                          List<PostInit.LsuvLayer> lsuv) {
        TrainingSettings t = cell.training();
        int n = data.trainCount();
        int batch = Math.min(t.batchSize(), n);
        long itersPerEpoch = (n + batch - 1) / batch;
        long totalIters = t.updates(n);
        long evalEvery = t.evalEvery() == 0 ? itersPerEpoch : t.evalEvery();
        long budgetNanos = (long) (t.maxCellSeconds() * 1e9);

        SignalProbe signals = new SignalProbe(net, cell.activation());
        SignalProbe.StepZero stepZero = signals.stepZero(probe.features(), probe.labels());
        List<GradientPoint> during = new ArrayList<>();

        Evaluation evaluation = new Evaluation(data, t.testOnCurve());
        List<CurvePoint> curve = new ArrayList<>();
        long trainNanos = 0;
        long evalStart = System.nanoTime();
        curve.add(evaluation.point(net, 0, 0, 0, null, false));
        long evalNanos = System.nanoTime() - evalStart;

        // mini-batches are gathered into buffers allocated once per cell, not per iteration
        MiniBatches batches = new MiniBatches(data, batch);
        Random shuffle = new Random(cell.seed());
        int[] order = identity(n);
        long iteration = 0;
        long samples = 0;
        double lossSum = 0;
        int lossCount = 0;
        Status status = Status.OK;
        String reason = null;
        Long divergedAt = null;

        training:
        for (int epoch = 0; epoch < t.epochs(); epoch++) {
            shuffle(order, shuffle);
            for (int from = 0; from < n; from += batch) {
                int size = Math.min(batch, n - from);
                MiniBatches.Batch b = batches.fill(order, from, size);
                long t0 = System.nanoTime();
                net.fit(b.features(), b.labels());
                trainNanos += System.nanoTime() - t0;
                iteration++;
                samples += size;
                double loss = net.score();
                String nonFinite = nonFinite(loss, net.params());
                if (nonFinite != null) {
                    status = Status.DIVERGED;
                    divergedAt = iteration;
                    reason = nonFinite + " at iteration " + iteration + " (epoch " + (epoch + 1) + ")";
                    break training;
                }
                lossSum += loss;
                lossCount++;
                boolean last = iteration == totalIters;
                boolean overBudget = budgetNanos > 0 && System.nanoTime() - start > budgetNanos;
                if (last || overBudget || iteration % evalEvery == 0) {
                    long e0 = System.nanoTime();
                    during.add(signals.during(iteration, b.features(), b.labels()));
                    // the last point of a TIMEOUT cell is its last one too: the test split is measured there
                    double meanLoss = lossSum / lossCount;
                    curve.add(evaluation.point(net, iteration, samples, trainNanos / 1e9, meanLoss,
                            last || overBudget));
                    evalNanos += System.nanoTime() - e0;
                    lossSum = 0;
                    lossCount = 0;
                    String blowUp = LossBound.check(meanLoss, iteration, itersPerEpoch, data.numClasses());
                    if (blowUp != null) {
                        status = Status.DIVERGED;
                        divergedAt = iteration;
                        reason = blowUp;
                        break training;
                    }
                }
                if (overBudget && !last) {
                    status = Status.TIMEOUT;
                    reason = "wall-time budget of " + t.maxCellSeconds() + " s ran out after " + iteration + " of "
                            + totalIters + " iterations";
                    break training;
                }
            }
        }
        Metrics metrics = metrics(cell, curve, status, divergedAt, iteration, samples, trainNanos, evalNanos, start,
                net.numParams());
        if (modelsDir != null && status != Status.DIVERGED) {
            try {
                Files.createDirectories(modelsDir);
                ModelSerializer.writeModel(net, modelsDir.resolve(cell.id() + ".zip").toFile(), false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the model of cell " + cell.id() + ": " + e.getMessage(), e);
            }
        }
        // NaN weights compare equal to nothing, so a diverged net has no meaningful unit count
        List<Integer> distinct = status == Status.DIVERGED ? List.of() : signals.distinctUnits();
        Diagnostics diagnostics = new Diagnostics(signals.weightLayerIndices(), stepZero.layers(),
                stepZero.gradientRatio(), during,
                distinct, signals.widths(), lsuv.stream()
                        .map(l -> new Diagnostics.LsuvStep(l.layer(), l.iterations(), l.variance())).toList(),
                stepZero.scales());
        return new Outcome(status, reason, null, metrics, curve, diagnostics);
    }

    /**
     * The evaluation protocol: the curve is measured on the validation split when there is one, and the
     * test split only where it is asked for (every point with {@code testOnCurve}, else the final point);
     * without a validation split the curve is the test split's.
     */
    private static final class Evaluation {
        private final Evaluator validation;
        private final Evaluator test;
        private final boolean testOnCurve;

        Evaluation(PreparedData data, boolean testOnCurve) {
            this.validation = data.hasValidation() ? new Evaluator(data.validationX(), data.validationLabels()) : null;
            this.test = new Evaluator(data.testX(), data.testLabels());
            this.testOnCurve = testOnCurve || validation == null;
        }

        CurvePoint point(MultiLayerNetwork net, long iteration, long samples, double trainSeconds, Double loss,
                         boolean last) {
            Double v = validation == null ? null : validation.accuracy(net);
            Double t = testOnCurve || last ? test.accuracy(net) : null;
            return new CurvePoint(iteration, samples, trainSeconds, loss, t, v);
        }
    }

    /** Null when the loss and every parameter are finite, else what is not. */
    public static String nonFinite(double loss, INDArray params) {
        if (!Double.isFinite(loss)) {
            return "training loss became " + loss;
        }
        // one reduction over all parameters is cheap next to a training step; confirm element-wise on a hit
        double sum = params.sumNumber().doubleValue();
        if (Double.isFinite(sum)) {
            return null;
        }
        if (BooleanIndexing.or(params, Conditions.isNan())) {
            return "a parameter became NaN";
        }
        if (BooleanIndexing.or(params, Conditions.isInfinite())) {
            return "a parameter became infinite";
        }
        return "parameters overflowed the float range (their sum is " + sum + ")";
    }

    static Metrics metrics(CellSpec cell, List<CurvePoint> curve, Status status, Long divergedAt, long iterations,
                           long samples, long trainNanos, long evalNanos, long start, long params) {
        double target = cell.training().targetAccuracy();
        CurvePoint first = curve.get(0);
        CurvePoint lastPoint = curve.get(curve.size() - 1);
        CurvePoint reached = curve.stream().filter(p -> p.accuracy() >= target).findFirst().orElse(null);
        double best = curve.stream().mapToDouble(CurvePoint::accuracy).max().orElse(Double.NaN);
        boolean diverged = status == Status.DIVERGED;
        Double auc = null;
        if (!diverged && lastPoint.samples() > 0) {
            double area = 0;
            for (int i = 1; i < curve.size(); i++) {
                CurvePoint a = curve.get(i - 1);
                CurvePoint b = curve.get(i);
                area += (b.samples() - a.samples()) * (a.accuracy() + b.accuracy()) / 2;
            }
            auc = area / lastPoint.samples();
        }
        boolean measured = !diverged && lastPoint.iteration() > 0;
        return new Metrics(
                new Metrics.Accuracy(measured ? lastPoint.testAccuracy() : null,
                        measured ? lastPoint.validationAccuracy() : null, best, first.accuracy(), lastPoint.trainLoss()),
                Metrics.Convergence.reached(reached, auc, divergedAt),
                Metrics.Timing.of(iterations, samples, trainNanos / 1e9, evalNanos / 1e9, seconds(start)),
                params);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The exception's own message, with its root cause's when that says something more. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String rootMsg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e || top.contains(rootMsg) ? top : top + " (cause: " + rootMsg + ")";
    }
}
