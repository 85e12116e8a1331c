package io.initbench.harness.train;

import io.initbench.datasets.ImageSet;
import io.initbench.datasets.LoadedDataset;
import io.initbench.datasets.Normalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dataset as network inputs: {@code trainX [n, d]}, one-hot {@code trainY [n, classes]},
 * {@code testX [m, d]} and the test labels as ints. Read-only after construction and shared by every
 * worker; each cell copies its mini-batches out of it.
 */
public record PreparedData(LoadedDataset source, INDArray trainX, INDArray trainY, INDArray testX, int[] testLabels,
                           int numClasses) {

    public int trainCount() {
        return trainX.rows();
    }

    public int featureSize() {
        return trainX.columns();
    }

    /**
     * @param trainSize class-balanced subset size, 0 = all
     * @param testSize  class-balanced subset size, 0 = all
     */
    public static PreparedData of(LoadedDataset dataset, int trainSize, int testSize, Normalization normalization) {
        ImageSet train = subset(dataset.splits().train(), trainSize);
        ImageSet test = subset(dataset.splits().test(), testSize);
        // statistics always from the training split, so standardisation never looks at test data
        Normalization.ChannelStats stats = normalization == Normalization.STANDARDIZE
                ? Normalization.channelStats(train) : null;
        int d = train.featureSize();
        INDArray trainX = Nd4j.create(normalization.apply(train, stats), new long[] {train.count(), d}, 'c');
        INDArray testX = Nd4j.create(normalization.apply(test, stats), new long[] {test.count(), d}, 'c');
        INDArray trainY = oneHot(labels(train), train.numClasses());
        int[] testLabels = labels(test);
        if (trainX.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("expected FLOAT inputs, got " + trainX.dataType());
        }
        return new PreparedData(dataset, trainX, trainY, testX, testLabels, train.numClasses());
    }

    private static int[] labels(ImageSet set) {
        int[] out = new int[set.count()];
        for (int i = 0; i < set.count(); i++) {
            out[i] = set.label(i);
        }
        return out;
    }

    /** Labels as a one-hot {@code [n, classes]} FLOAT matrix. */
    public static INDArray oneHot(int[] labels, int classes) {
        float[] m = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            m[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(m, new long[] {labels.length, classes}, 'c');
    }

    private static ImageSet subset(ImageSet set, int size) {
        return size == 0 ? set : set.balancedSubset(size);
    }
}
