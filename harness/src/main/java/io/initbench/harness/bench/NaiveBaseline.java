package io.initbench.harness.bench;

import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.train.PreparedData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;

/**
 * What a user would write without initbench: one network at a time, ND4J's default thread count, the
 * whole training set in a {@link DataSet}, shuffled each epoch and fed through {@code net.fit(iterator)},
 * evaluated on the test set after each epoch. Same configurations and budgets as the harness cells.
 */
public final class NaiveBaseline {
    private NaiveBaseline() {
    }

    /** Trains every cell; returns the training samples processed. */
    public static long run(Iterable<CellSpec> cells, PreparedData data) {
        long samples = 0;
        DataSet test = new DataSet(data.testX(), PreparedData.oneHot(data.testLabels(), data.numClasses()));
        for (CellSpec cell : cells) {
            MultiLayerNetwork net = new MultiLayerNetwork(ModelFactory.build(cell, data.source().shape(),
                    LayerPath.STOCK));
            net.init();
            // its own copy: DataSet.shuffle works in place and the prepared arrays are shared
            DataSet train = new DataSet(data.trainX().dup(), data.trainY().dup());
            for (int epoch = 0; epoch < cell.training().epochs(); epoch++) {
                train.shuffle(cell.seed() + epoch);
                net.fit(new ViewIterator(train, cell.training().batchSize()));
                samples += data.trainCount();
                Evaluation eval = net.evaluate(new ViewIterator(test, 1000));
                if (Double.isNaN(eval.accuracy())) {
                    throw new IllegalStateException("naive baseline produced no accuracy for " + cell.label());
                }
            }
        }
        return samples;
    }
}
