package io.initbench.harness.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Accuracy on one held-out split, computed in fixed chunks (views into the shared matrix, made once). */
final class Evaluator {
    static final int CHUNK = 1000;

    private final List<INDArray> chunks = new ArrayList<>();
    private final int[] labels;

    Evaluator(INDArray features, int[] labels) {
        this.labels = labels;
        long m = features.rows();
        for (long s = 0; s < m; s += CHUNK) {
            chunks.add(features.get(NDArrayIndex.interval(s, Math.min(m, s + CHUNK)), NDArrayIndex.all()));
        }
    }

    double accuracy(MultiLayerNetwork net) {
        long correct = 0;
        int offset = 0;
        for (INDArray chunk : chunks) {
            int[] predicted = net.output(chunk, false).argMax(1).toIntVector();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == labels[offset + i]) {
                    correct++;
                }
            }
            offset += predicted.length;
        }
        return (double) correct / labels.length;
    }
}
