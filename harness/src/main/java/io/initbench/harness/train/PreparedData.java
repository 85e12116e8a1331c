package io.initbench.harness.train;

import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.ImageSet;
import io.initbench.datasets.LoadedDataset;
import io.initbench.datasets.Normalization;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dataset as network inputs: {@code trainX [n, d]}, one-hot {@code trainY [n, classes]}, the
 * validation split carved from the training split ({@code validationX}/{@code validationLabels}, null
 * when the suite has none) and the test split ({@code testX}, labels as ints). Read-only after
 * construction and shared by every worker; each cell copies its mini-batches out of it.
 */
public record PreparedData(LoadedDataset source, INDArray trainX, INDArray trainY, INDArray validationX,
                           int[] validationLabels, INDArray testX, int[] testLabels, int numClasses) {

    /**
     * What determines the prepared data: cells with equal keys share one copy. The subsets come from the
     * suite's {@code dataSeed}, never from a cell's seed, so all cells of a suite see the same images.
     */
    public record Key(DatasetRef dataset, int trainSize, int testSize, int validationSize, long dataSeed,
                      Normalization normalization) {
        public static Key of(CellSpec c) {
            TrainingSettings t = c.training();
            return new Key(c.dataset(), t.trainSize(), t.testSize(), t.validationSize(), t.dataSeed(),
                    t.normalization());
        }
    }

    /** Independent streams of the data seed: the validation split, the training subset, the test subset. */
    private static final long VALIDATION = 1;
    private static final long TRAIN = 2;
    private static final long TEST = 3;

    public int trainCount() {
        return trainX.rows();
    }

    public int featureSize() {
        return trainX.columns();
    }

    public boolean hasValidation() {
        return validationX != null;
    }

    public static PreparedData of(LoadedDataset dataset, Key key) {
        ImageSet train = dataset.splits().train();
        ImageSet validation = null;
        if (key.validationSize() > 0) {
            if (key.validationSize() >= train.count()) {
                throw new IllegalArgumentException("training.validationSize " + key.validationSize() + " leaves no"
                        + " training images: " + key.dataset().key() + "'s training split has " + train.count()
                        + "; lower validationSize (-DvalidationSize=)");
            }
            ImageSet.Partition p = train.stratifiedSplit(key.validationSize(), stream(key.dataSeed(), VALIDATION));
            validation = p.chosen();
            train = p.rest();
        }
        if (key.trainSize() > 0) {
            if (key.trainSize() > train.count()) {
                throw new IllegalArgumentException("training.trainSize " + key.trainSize() + " is more than the "
                        + train.count() + " training images of " + key.dataset().key() + " left after the validation"
                        + " split of " + key.validationSize() + "; lower train.size or validationSize");
            }
            train = train.stratifiedSubset(key.trainSize(), stream(key.dataSeed(), TRAIN));
        }
        ImageSet test = dataset.splits().test();
        if (key.testSize() > 0) {
            test = test.stratifiedSubset(key.testSize(), stream(key.dataSeed(), TEST));
        }
        // statistics always from the training images, so standardisation never looks at held-out data
        Normalization n = key.normalization();
        Normalization.ChannelStats stats = n == Normalization.STANDARDIZE ? Normalization.channelStats(train) : null;
        INDArray trainX = features(train, n, stats);
        if (trainX.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("expected FLOAT inputs, got " + trainX.dataType());
        }
        return new PreparedData(dataset, trainX, oneHot(labels(train), train.numClasses()),
                validation == null ? null : features(validation, n, stats),
                validation == null ? null : labels(validation), features(test, n, stats), labels(test),
                train.numClasses());
    }

    private static long stream(long dataSeed, long purpose) {
        return dataSeed * 0x9E3779B97F4A7C15L + purpose;
    }

    private static INDArray features(ImageSet set, Normalization n, Normalization.ChannelStats stats) {
        return Nd4j.create(n.apply(set, stats), new long[] {set.count(), set.featureSize()}, 'c');
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
}
