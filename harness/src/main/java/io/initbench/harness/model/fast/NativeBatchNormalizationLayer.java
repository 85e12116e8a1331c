package io.initbench.harness.model.fast;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's BatchNormalization with its forward and backward pass as plain loops over Java copies of the
 * activations. The stock layer spends ~35 ND4J ops per training step on a [128, 256] activation (two
 * reductions for the statistics, broadcasts for x̂ and γx̂+β, a dozen more for the backward pass, the
 * running-statistics bookkeeping); at that size each op's dispatch costs more than its arithmetic, and
 * libnd4j's reductions along the batch axis are slow. Here: one copy in (kept for backprop), the
 * statistics and γx̂+β in three passes, one copy out; backward one copy in, two passes with the closed
 * form dβ = Σg, dγ = Σg·x̂, dx = γ/σ·(g − mean(g) − x̂·mean(g·x̂)), x̂ recomputed from the kept input,
 * one copy out.
 *
 * <p>Semantics are DL4J's: biased batch variance, σ = √(var + eps), inference from the running
 * statistics, and the running statistics updated through the same "gradient" views DL4J uses
 * (mean: (mean − batchMean)(1 − decay); log10 σ or variance, per {@code useLogStd}), so updaters,
 * serialisation and the parameter layout are the stock ones. Inputs the loops do not cover (NHWC, rank 3,
 * fixed γ/β, non-float, strided views) go through the stock implementation.
 */
public class NativeBatchNormalizationLayer extends BatchNormalization {
    private static final double ONE_ON_2LOGE_10 = 1.0 / (2.0 * Math.log(10.0));

    /** The input of an inference pass. */
    private float[] xBuf;
    /** The input of the last training pass, kept for backprop (x̂ is recomputed from it). */
    private float[] xKept;
    private float[] outBuf;
    private float[] invKept;
    private float[] meanKept;
    private float[] varKept;
    private float[][] rows;
    private INDArray keptInput;
    private long keptGeneration;

    public NativeBatchNormalizationLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean nativePath(INDArray x) {
        org.deeplearning4j.nn.conf.layers.BatchNormalization c = layerConf();
        boolean shapeOk = x.rank() == 2 || (x.rank() == 4 && c.getCnn2DFormat() == CNN2DFormat.NCHW);
        return shapeOk && !c.isLockGammaBeta() && dataType == DataType.FLOAT && HeapCopy.dense(x)
                && x.size(1) == c.getNOut() && x.length() < Integer.MAX_VALUE;
    }

    @Override
    public INDArray preOutput(INDArray x, TrainingMode training, LayerWorkspaceMgr workspaceMgr) {
        if (!nativePath(x)) {
            keptInput = null;
            return super.preOutput(x, training, workspaceMgr);
        }
        int n = (int) x.size(0);
        int ch = (int) x.size(1);
        int s = (int) (x.length() / ((long) n * ch));
        int len = n * ch * s;
        outBuf = outBuf != null && outBuf.length >= len ? outBuf : new float[len];
        rows = Loops.rows(rows, ch);
        float[] gamma = HeapCopy.read(getParam(BatchNormalizationParamInitializer.GAMMA), null);
        float[] beta = HeapCopy.read(getParam(BatchNormalizationParamInitializer.BETA), null);
        float[] inv = new float[ch];
        if (training == TrainingMode.TRAIN) {
            xKept = HeapCopy.read(x, xKept);
            float[] mean = new float[ch];
            float[] var = new float[ch];
            Loops.meanAndBiasedVariance(xKept, n, ch, s, mean, var, rows);
            inverseStd(var, inv);
            Loops.normalize(xKept, n, ch, s, mean, inv, gamma, beta, outBuf, rows);
            keptInput = x;
            keptGeneration = generation(x);
            meanKept = mean;
            varKept = var;
            invKept = inv;
        } else {
            xBuf = HeapCopy.read(x, xBuf);
            float[] mean = HeapCopy.read(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN), null);
            inverseStd(runningVariance(), inv);
            Loops.normalize(xBuf, n, ch, s, mean, inv, gamma, beta, outBuf, rows);
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, x.shape(), 'c');
        HeapCopy.write(outBuf, out);
        return out;
    }

    /** inv[c] = 1/√(var[c] + eps), DL4J's σ. */
    private void inverseStd(float[] var, float[] inv) {
        double eps = layerConf().getEps();
        for (int c = 0; c < inv.length; c++) {
            inv[c] = (float) (1.0 / Math.sqrt(var[c] + eps));
        }
    }

    /** The workspace generation an array belongs to (-1 when detached): a kept pass is valid only within it. */
    private static long generation(INDArray a) {
        var ws = a.isAttached() ? a.data().getParentWorkspace() : null;
        return ws == null ? -1 : ws.getGenerationId();
    }

    private float[] runningVariance() {
        if (layerConf().isUseLogStd()) {
            float[] log10s = HeapCopy.read(getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD), null);
            float[] var = new float[log10s.length];
            for (int c = 0; c < var.length; c++) {
                float std = (float) Math.pow(10.0, log10s[c]);
                var[c] = std * std;
            }
            return var;
        }
        return HeapCopy.read(getParam(BatchNormalizationParamInitializer.GLOBAL_VAR), null);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (!nativePath(input)) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        if (keptInput != input || keptGeneration != generation(input)) {
            // no training forward pass of this input is kept: make one (as the stock layer recomputes)
            preOutput(input, TrainingMode.TRAIN, workspaceMgr);
        }
        int n = (int) input.size(0);
        int ch = (int) input.size(1);
        int s = (int) (input.length() / ((long) n * ch));
        float[] g = HeapCopy.read(epsilon, outBuf);
        outBuf = g;
        float[] gamma = HeapCopy.read(getParam(BatchNormalizationParamInitializer.GAMMA), null);
        float[] dGamma = new float[ch];
        float[] dBeta = new float[ch];
        // the row buffers were sized by the training forward pass kept (or just made) above
        Loops.batchNormBackward(g, xKept, n, ch, s, meanKept, invKept, gamma, dGamma, dBeta, rows);
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        HeapCopy.write(g, dx);

        Gradient ret = new DefaultGradient();
        ret.setGradientFor(BatchNormalizationParamInitializer.GAMMA, put(BatchNormalizationParamInitializer.GAMMA, dGamma));
        ret.setGradientFor(BatchNormalizationParamInitializer.BETA, put(BatchNormalizationParamInitializer.BETA, dBeta));
        runningStatisticsUpdate(ret);
        keptInput = null;
        return new Pair<>(ret, dx);
    }

    /**
     * DL4J's running statistics as "gradients" that its no-op updater subtracts: mean − batchMean times
     * (1 − decay), and the matching step for log10 σ (or for the variance).
     */
    private void runningStatisticsUpdate(Gradient ret) {
        double decay = layerConf().getDecay();
        float[] globalMean = HeapCopy.read(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN), null);
        float[] dMean = new float[globalMean.length];
        for (int c = 0; c < dMean.length; c++) {
            dMean[c] = (float) ((globalMean[c] - meanKept[c]) * (1 - decay));
        }
        ret.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN,
                put(BatchNormalizationParamInitializer.GLOBAL_MEAN, dMean));
        float[] var = runningVariance();
        float[] dVar = new float[var.length];
        if (layerConf().isUseLogStd()) {
            for (int c = 0; c < dVar.length; c++) {
                double next = var[c] * decay + varKept[c] * (1 - decay);
                dVar[c] = (float) (Math.log(var[c] / next) * ONE_ON_2LOGE_10);
            }
            ret.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_LOG_STD,
                    put(BatchNormalizationParamInitializer.GLOBAL_LOG_STD, dVar));
        } else {
            for (int c = 0; c < dVar.length; c++) {
                dVar[c] = (float) ((var[c] - varKept[c]) * (1 - decay));
            }
            ret.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_VAR,
                    put(BatchNormalizationParamInitializer.GLOBAL_VAR, dVar));
        }
    }

    private INDArray put(String key, float[] values) {
        INDArray view = gradientViews.get(key);
        HeapCopy.write(values, view);
        return view;
    }

    @Override
    public void clear() {
        super.clear();
        keptInput = null;
    }

    /**
     * The arithmetic, on [n, ch, s] row-major data (s = 1 for dense inputs, H·W for NCHW images). The
     * normalised x̂ = (x − mean)·(1/σ) is never stored: the backward pass recomputes it from the kept x
     * (one multiply-add per element, less than the memory traffic of a stored copy). 1/σ is a multiplier,
     * as in libnd4j's batchnorm, not a division per element.
     *
     * <p>Dense inputs (s = 1) run row by row through row buffers: Java 17's C2 does not vectorise a loop
     * that mixes an activation indexed {@code row·ch + c} with a per-channel array indexed {@code c}
     * (measured 3–4× slower than the same loop on arrays indexed alike); copying a row into a buffer with
     * {@link System#arraycopy} first makes every index {@code c}, and the loop vectorises.
     */
    static final class Loops {
        private Loops() {
        }

        /** Row buffers of the dense loops, [4][ch]: one set per layer, reused across calls. */
        static float[][] rows(float[][] buf, int ch) {
            return buf != null && buf[0].length >= ch ? buf : new float[4][ch];
        }

        static void meanAndBiasedVariance(float[] x, int n, int ch, int s, float[] mean, float[] var,
                                          float[][] rows) {
            double[] sum = new double[ch];
            double count = (double) n * s;
            if (s == 1) {
                // float partial sums along a row, folded into double every 64 rows
                float[] row = rows[0];
                float[] part = rows[1];
                java.util.Arrays.fill(part, 0, ch, 0f);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(x, i * ch, row, 0, ch);
                    for (int c = 0; c < ch; c++) {
                        part[c] += row[c];
                    }
                    if ((i & 63) == 63 || i == n - 1) {
                        fold(part, sum, ch);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < ch; c++) {
                        int base = (i * ch + c) * s;
                        float acc = 0;
                        for (int k = 0; k < s; k++) {
                            acc += x[base + k];
                        }
                        sum[c] += acc;
                    }
                }
            }
            for (int c = 0; c < ch; c++) {
                mean[c] = (float) (sum[c] / count);
            }
            // two passes, as a numerically safe variance must
            double[] sq = new double[ch];
            if (s == 1) {
                float[] row = rows[0];
                float[] part = rows[1];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(x, i * ch, row, 0, ch);
                    for (int c = 0; c < ch; c++) {
                        float d = row[c] - mean[c];
                        part[c] += d * d;
                    }
                    if ((i & 63) == 63 || i == n - 1) {
                        fold(part, sq, ch);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < ch; c++) {
                        int base = (i * ch + c) * s;
                        float m = mean[c];
                        float acc = 0;
                        for (int k = 0; k < s; k++) {
                            float d = x[base + k] - m;
                            acc += d * d;
                        }
                        sq[c] += acc;
                    }
                }
            }
            for (int c = 0; c < ch; c++) {
                var[c] = (float) (sq[c] / count);
            }
        }

        /** into[c] += part[c], then part[c] = 0, for c below ch. */
        private static void fold(float[] part, double[] into, int ch) {
            for (int c = 0; c < ch; c++) {
                into[c] += part[c];
                part[c] = 0;
            }
        }

        /** out = γ·(x − mean)·inv + β. */
        static void normalize(float[] x, int n, int ch, int s, float[] mean, float[] inv, float[] gamma,
                              float[] beta, float[] out, float[][] rows) {
            if (s == 1) {
                float[] row = rows[0];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(x, i * ch, row, 0, ch);
                    for (int c = 0; c < ch; c++) {
                        row[c] = gamma[c] * ((row[c] - mean[c]) * inv[c]) + beta[c];
                    }
                    System.arraycopy(row, 0, out, i * ch, ch);
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < ch; c++) {
                    int base = (i * ch + c) * s;
                    float m = mean[c];
                    float iv = inv[c];
                    float gm = gamma[c];
                    float bt = beta[c];
                    for (int k = 0; k < s; k++) {
                        out[base + k] = gm * ((x[base + k] - m) * iv) + bt;
                    }
                }
            }
        }

        /**
         * dγ = Σ g·x̂, dβ = Σ g, and dx = γ·inv·(g − mean(g) − x̂·mean(g·x̂)) written over g, with x̂
         * recomputed from the kept x.
         */
        static void batchNormBackward(float[] g, float[] x, int n, int ch, int s, float[] mean, float[] inv,
                                      float[] gamma, float[] dGamma, float[] dBeta, float[][] rows) {
            double[] sumG = new double[ch];
            double[] sumGx = new double[ch];
            if (s == 1) {
                float[] gr = rows[0];
                float[] xr = rows[1];
                float[] pg = rows[2];
                float[] pgx = rows[3];
                java.util.Arrays.fill(pg, 0, ch, 0f);
                java.util.Arrays.fill(pgx, 0, ch, 0f);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(g, i * ch, gr, 0, ch);
                    System.arraycopy(x, i * ch, xr, 0, ch);
                    for (int c = 0; c < ch; c++) {
                        float gv = gr[c];
                        pg[c] += gv;
                        pgx[c] += gv * ((xr[c] - mean[c]) * inv[c]);
                    }
                    if ((i & 63) == 63 || i == n - 1) {
                        fold(pg, sumG, ch);
                        fold(pgx, sumGx, ch);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < ch; c++) {
                        int base = (i * ch + c) * s;
                        float m = mean[c];
                        float iv = inv[c];
                        float a = 0;
                        float b = 0;
                        for (int k = 0; k < s; k++) {
                            float gv = g[base + k];
                            a += gv;
                            b += gv * ((x[base + k] - m) * iv);
                        }
                        sumG[c] += a;
                        sumGx[c] += b;
                    }
                }
            }
            double count = (double) n * s;
            float[] meanG = new float[ch];
            float[] meanGx = new float[ch];
            float[] scale = new float[ch];
            for (int c = 0; c < ch; c++) {
                dBeta[c] = (float) sumG[c];
                dGamma[c] = (float) sumGx[c];
                meanG[c] = (float) (sumG[c] / count);
                meanGx[c] = (float) (sumGx[c] / count);
                scale[c] = gamma[c] * inv[c];
            }
            if (s == 1) {
                float[] gr = rows[0];
                float[] xr = rows[1];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(g, i * ch, gr, 0, ch);
                    System.arraycopy(x, i * ch, xr, 0, ch);
                    for (int c = 0; c < ch; c++) {
                        gr[c] = scale[c] * (gr[c] - meanG[c] - ((xr[c] - mean[c]) * inv[c]) * meanGx[c]);
                    }
                    System.arraycopy(gr, 0, g, i * ch, ch);
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < ch; c++) {
                    int base = (i * ch + c) * s;
                    float m = mean[c];
                    float iv = inv[c];
                    float mg = meanG[c];
                    float mgx = meanGx[c];
                    float sc = scale[c];
                    for (int k = 0; k < s; k++) {
                        g[base + k] = sc * (g[base + k] - mg - ((x[base + k] - m) * iv) * mgx);
                    }
                }
            }
        }
    }
}
