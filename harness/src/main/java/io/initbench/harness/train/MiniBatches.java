package io.initbench.harness.train;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batch buffers allocated once per cell (one pair for full batches, one for the short last
 * batch) and refilled in place by a native row gather: the harness adds no allocation per iteration.
 */
public final class MiniBatches {
    /** Features and one-hot labels of one mini-batch; views the next {@link #fill} overwrites. */
    public record Batch(INDArray features, INDArray labels) {
    }

    private final PreparedData data;
    private final Batch full;
    private Batch tail;

    public MiniBatches(PreparedData data, int batch) {
        this.data = data;
        this.full = allocate(batch);
    }

    private Batch allocate(int size) {
        return new Batch(Nd4j.create(DataType.FLOAT, size, data.featureSize()),
                Nd4j.create(DataType.FLOAT, size, data.numClasses()));
    }

    /** The training rows {@code order[from .. from + size)}. */
    public Batch fill(int[] order, int from, int size) {
        Batch b;
        if (size == full.features().rows()) {
            b = full;
        } else {
            if (tail == null || tail.features().rows() != size) {
                tail = allocate(size);
            }
            b = tail;
        }
        int[] idx = Arrays.copyOfRange(order, from, from + size);
        Nd4j.pullRows(data.trainX(), b.features(), 1, idx);
        Nd4j.pullRows(data.trainY(), b.labels(), 1, idx);
        return b;
    }
}
