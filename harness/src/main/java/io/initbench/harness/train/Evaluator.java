package io.initbench.harness.train;

import java.util.ArrayList;
import java.util.List;
import io.initbench.harness.model.fast.HeapCopy;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Accuracy on one held-out split, computed in chunks that are views into the shared matrix (made once,
 * never copied). A chunk is as large as a bounded amount of activation memory allows: a pass costs a
 * fixed number of ND4J ops whatever its size, so few large chunks (a whole 5,000-image MNIST validation
 * split in one for an MLP) cost far less than many small ones, while a CNN's large feature maps still get
 * chunks that fit. Predictions are read back once per chunk and arg-maxed in Java.
 */
final class Evaluator {
    /**
     * Activation floats one chunk may hold across all layers: 16 M floats = 64 MB. Larger chunks are
     * slower, not faster, for convolutions: libnd4j's conv2d allocates and fills temporaries that grow with
     * the batch. Measured on the 2-block CIFAR-10 CNN (2,048 training images, 12,000 evaluated): chunks
     * of ~1,100 images (the earlier 64 M-float budget) took 7.8–8.4 s to evaluate, chunks of 256 3.7 s;
     * with BatchNorm ~450 images 8.6–9.7 s, 107 4.0–4.4 s. The MNIST MLP still evaluates its 5,000
     * validation images in one chunk (two with BatchNorm), where smaller chunks measured no faster.
     */
    static final long ACTIVATION_BUDGET = 16L << 20;
    static final int MAX_CHUNK = 10_000;

    private final INDArray features;
    private final int[] labels;
    private List<INDArray> chunks;
    private float[] scores;

    Evaluator(INDArray features, int[] labels) {
        this.features = features;
        this.labels = labels;
    }

    /** The chunk size for this network: its per-example activation size, measured on one example. */
    static int chunkSize(MultiLayerNetwork net, INDArray features) {
        long perExample = 0;
        for (INDArray a : net.feedForward(features.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()), false)) {
            perExample += a.length();
        }
        long fit = ACTIVATION_BUDGET / Math.max(1, perExample);
        return (int) Math.max(1, Math.min(MAX_CHUNK, fit));
    }

    double accuracy(MultiLayerNetwork net) {
        if (chunks == null) {
            chunks = new ArrayList<>();
            long m = features.rows();
            int chunk = chunkSize(net, features);
            for (long s = 0; s < m; s += chunk) {
                chunks.add(features.get(NDArrayIndex.interval(s, Math.min(m, s + chunk)), NDArrayIndex.all()));
            }
        }
        long correct = 0;
        int offset = 0;
        for (INDArray chunk : chunks) {
            INDArray out = net.output(chunk, false);
            int rows = (int) out.rows();
            int classes = (int) out.columns();
            float[] s = scores(out);
            for (int i = 0; i < rows; i++) {
                if (argMax(s, i * classes, classes) == labels[offset + i]) {
                    correct++;
                }
            }
            offset += rows;
        }
        return (double) correct / labels.length;
    }

    private float[] scores(INDArray out) {
        scores = HeapCopy.read(out, scores);
        return scores;
    }

    /** The first index of the largest score, as ND4J's argMax picks it; NaN scores never win. */
    static int argMax(float[] s, int from, int n) {
        int best = 0;
        float max = s[from];
        for (int j = 1; j < n; j++) {
            if (s[from + j] > max || Float.isNaN(max)) {
                max = s[from + j];
                best = j;
            }
        }
        return best;
    }
}
