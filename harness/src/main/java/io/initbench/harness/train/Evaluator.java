package io.initbench.harness.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Test-split accuracy, computed in fixed chunks (views into the shared test matrix, made once). */
final class Evaluator {
    static final int CHUNK = 1000;

    private final List<INDArray> chunks = new ArrayList<>();
    private final int[] labels;

    Evaluator(PreparedData data) {
        this.labels = data.testLabels();
        long m = data.testX().rows();
        for (long s = 0; s < m; s += CHUNK) {
            chunks.add(data.testX().get(NDArrayIndex.interval(s, Math.min(m, s + CHUNK)), NDArrayIndex.all()));
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
