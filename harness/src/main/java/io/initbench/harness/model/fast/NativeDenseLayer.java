package io.initbench.harness.model.fast;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's dense layer in the fewest native calls. The three matrix products are libnd4j's {@code matmul}
 * on row-major arrays (the onednn builds run it on oneDNN, measured 1.5–2× OpenBLAS's sgemm at these
 * shapes on one thread, see docs/measurements/performance.md), straight into the output, the weight-gradient view and
 * the input-gradient array. The forward pass keeps its pre-activation, so backprop does not recompute the
 * product as the stock layer does. The element-wise rest (bias, ReLU and its derivative, the bias
 * gradient) runs as loops over a Java copy of the [batch, units] activations: at these sizes one ND4J
 * op's dispatch costs more than the arithmetic (docs/measurements/performance.md). Other activations run as one
 * libnd4j op each way ({@link ActivationOps}). With {@code inputGradient(false)} (the first layer of a
 * network, whose input gradient {@code fit} throws away) the input-gradient product is skipped.
 *
 * <p>Inputs the native path does not cover (not rank 2, not float, layer normalisation, masks) go
 * through the stock implementation.
 */
public class NativeDenseLayer extends DenseLayer {
    /**
     * Up to this many rows the element-wise work runs on a Java copy; above it (evaluation passes of
     * thousands of images) two ND4J ops on the native array cost less than the two copies.
     */
    static final int HEAP_ROWS = 1024;

    private INDArray keptInput;
    private long keptGeneration;
    /** The native pre-activation (activations without a Java path), or null. */
    private INDArray keptPreOutput;
    /** The pre-activation as a Java copy (ReLU), valid while keptInput is. */
    private float[] keptHeap;
    private boolean keptOnHeap;
    private float[] heap;
    private float[] bias;

    public NativeDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean nativePath() {
        return !hasLayerNorm() && maskArray == null && input != null && input.rank() == 2
                && input.dataType() == DataType.FLOAT && dataType == DataType.FLOAT && HeapCopy.dense(input)
                && input.columns() == getParam(DefaultParamInitializer.WEIGHT_KEY).rows()
                && input.length() < Integer.MAX_VALUE / 4;
    }

    private boolean javaRelu(INDArray rowsOf) {
        return ActivationOps.isPlainRelu(layerConf().getActivationFn()) && rowsOf.rows() <= HEAP_ROWS;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!nativePath()) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        IActivation afn = layerConf().getActivationFn();
        forget();
        INDArray z = product(training, workspaceMgr, ArrayType.ACTIVATIONS);
        keptOnHeap = javaRelu(z);
        if (keptOnHeap) {
            // z + b kept on the heap for backprop; max(z + b, 0) out
            float[] pre = training ? (keptHeap = sized(keptHeap, z)) : (heap = sized(heap, z));
            HeapCopy.read(z, pre);
            float[] out = heap = training ? sized(heap, z) : pre;
            Loops.biasRelu(pre, out, hasBias() ? bias : null, (int) z.columns(), (int) z.length());
            HeapCopy.write(out, z);
            if (training) {
                keep();
            }
            return z;
        }
        addBias(z);
        if (ActivationOps.isIdentity(afn)) {
            return z;
        }
        if (!training) {
            return afn.getActivation(z, false);
        }
        keptPreOutput = z;
        keep();
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, z.dataType(), z.shape(), 'c');
        return ActivationOps.forward(afn, z, out, true);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!nativePath()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        IActivation afn = layerConf().getActivationFn();
        if (!ActivationOps.isIdentity(afn) && !kept()) {
            // no training forward pass of this input is kept: make one, as the stock layer recomputes
            activate(true, workspaceMgr);
        }
        INDArray delta;
        float[] deltaHeap;
        int units = (int) epsilon.columns();
        if (keptOnHeap) {
            deltaHeap = heap = sized(heap, epsilon);
            HeapCopy.read(epsilon, deltaHeap);
            Loops.reluBackward(keptHeap, deltaHeap, (int) epsilon.length());
            delta = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, epsilon.shape(), 'c');
            HeapCopy.write(deltaHeap, delta);
        } else {
            delta = ActivationOps.isIdentity(afn) ? epsilon : ActivationOps.backward(afn, keptPreOutput, epsilon,
                    keptPreOutput);
            if (!HeapCopy.dense(delta)) {
                delta = delta.dup('c');
            }
            deltaHeap = null;
        }
        forget();

        Gradient ret = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            if (deltaHeap == null) {
                deltaHeap = heap = HeapCopy.read(delta, sized(heap, delta));
            }
            float[] sums = Loops.columnSums(deltaHeap, units, (int) delta.length());
            HeapCopy.write(sums, biasGrad);
            ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        // the weight gradient is a column-major [nIn, nOut] view: the row-major [nOut, nIn] delta^T · x
        Nd4j.gemm(delta, input, weightGrad.transpose(), true, false, 1.0, 0.0);
        ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        weightNoiseParams.clear();
        if (!((NativeDense) layerConf()).isInputGradient()) {
            return new Pair<>(ret, null);
        }
        INDArray epsNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {delta.size(0), w.size(0)}, 'c');
        Nd4j.gemm(delta, w, epsNext, false, true, 1.0, 0.0);
        return new Pair<>(ret, backpropDropOutIfPresent(epsNext));
    }

    /** x·W into a new row-major array of the given kind; the bias is the caller's (ReLU adds it on the heap). */
    private INDArray product(boolean training, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        INDArray z = workspaceMgr.createUninitialized(type, w.dataType(), new long[] {input.size(0), w.size(1)}, 'c');
        Nd4j.gemm(input, w, z, false, false, 1.0, 0.0);
        if (hasBias()) {
            bias = HeapCopy.read(getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr), bias);
        }
        return z;
    }

    private void addBias(INDArray z) {
        if (hasBias() && z.rows() > HEAP_ROWS) {
            z.addiRowVector(Nd4j.createFromArray(bias));
        } else if (hasBias()) {
            float[] h = heap = HeapCopy.read(z, sized(heap, z));
            Loops.biasRelu(h, h, bias, (int) z.columns(), (int) z.length(), false);
            HeapCopy.write(h, z);
        }
    }

    private static float[] sized(float[] buf, INDArray like) {
        return buf != null && buf.length >= like.length() ? buf : new float[(int) like.length()];
    }

    private void keep() {
        keptInput = input;
        MemoryWorkspace ws = input.isAttached() ? input.data().getParentWorkspace() : null;
        keptGeneration = ws == null ? -1 : ws.getGenerationId();
    }

    /** Whether the kept forward pass belongs to the current input, in the workspace generation it was made in. */
    private boolean kept() {
        if (keptInput != input) {
            return false;
        }
        MemoryWorkspace ws = input.isAttached() ? input.data().getParentWorkspace() : null;
        if ((ws == null ? -1 : ws.getGenerationId()) != keptGeneration) {
            return false;
        }
        if (keptPreOutput == null || !keptPreOutput.isAttached()) {
            return true;
        }
        MemoryWorkspace zs = keptPreOutput.data().getParentWorkspace();
        return zs != null && zs.isScopeActive();
    }

    private void forget() {
        keptInput = null;
        keptPreOutput = null;
    }

    @Override
    public void clear() {
        super.clear();
        forget();
    }

    /** The element-wise arithmetic on row-major [rows, units] data. */
    static final class Loops {
        private Loops() {
        }

        static void biasRelu(float[] pre, float[] out, float[] bias, int units, int len) {
            biasRelu(pre, out, bias, units, len, true);
        }

        /** pre += bias (when given); out = relu(pre) when {@code relu}, else nothing more. */
        static void biasRelu(float[] pre, float[] out, float[] bias, int units, int len, boolean relu) {
            for (int base = 0; base < len; base += units) {
                if (bias != null) {
                    for (int j = 0; j < units; j++) {
                        pre[base + j] += bias[j];
                    }
                }
                if (relu) {
                    // Math.max, not a comparison: half the signs are random, and a branch the JIT emits for
                    // `v > 0 ? v : 0` mispredicts on each of them (measured 10x slower in training than
                    // on sorted data); it also keeps a NaN a NaN, as libnd4j's relu does
                    for (int j = 0; j < units; j++) {
                        out[base + j] = Math.max(pre[base + j], 0f);
                    }
                }
            }
        }

        /**
         * g where the pre-activation is positive, else 0 (libnd4j's relu_bp: a NaN pre-activation gives 0, a
         * NaN g where the pre-activation is not positive gives 0), in place. A bit mask instead of a
         * comparison, for the same reason as the forward loop's Math.max: no branch to mispredict.
         */
        static void reluBackward(float[] pre, float[] g, int len) {
            for (int i = 0; i < len; i++) {
                g[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & positiveMask(pre[i]));
            }
        }

        /** All ones when {@code v} is positive (+inf included), else 0 (zeros, negatives, NaNs). */
        static int positiveMask(float v) {
            int b = Float.floatToRawIntBits(v);
            // b > 0 as a signed int: sign clear and not +0; b <= 0x7f800000: +inf at most, not a NaN
            return (-b >> 31) & ~(b >> 31) & ((b - 0x7f800001) >> 31);
        }

        static float[] columnSums(float[] a, int units, int len) {
            float[] s = new float[units];
            for (int base = 0; base < len; base += units) {
                for (int j = 0; j < units; j++) {
                    s[j] += a[base + j];
                }
            }
            return s;
        }
    }
}
