package io.initbench.harness;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.ImageSet;
import io.initbench.datasets.LoadedDataset;
import io.initbench.datasets.Normalization;
import io.initbench.datasets.Splits;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.BiasSpec;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.Optimizer;
import io.initbench.harness.spec.TrainingSettings;
import io.initbench.harness.train.PreparedData;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.activations.Activation;

/**
 * A small, learnable stand-in for MNIST with MNIST's shape (1×28×28, 10 classes): class c lights up
 * rows 2c..2c+2 on top of uniform noise. Fixed seed, so every test sees the same bytes.
 */
public final class TestData {
    private TestData() {
    }

    public static ImageSet images(int n, long seed) {
        Random rnd = new Random(seed);
        byte[] px = new byte[n * 784];
        byte[] lb = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            lb[i] = (byte) c;
            for (int p = 0; p < 784; p++) {
                int row = p / 28;
                int v = rnd.nextInt(80);
                if (row >= 2 * c + 2 && row < 2 * c + 5) {
                    v += 150;
                }
                px[i * 784 + p] = (byte) v;
            }
        }
        return new ImageSet(n, 1, 28, 28, 10, px, lb);
    }

    public static LoadedDataset dataset() {
        return new LoadedDataset(DatasetRef.of(DatasetId.MNIST), new Splits(images(600, 1), images(200, 2)), List.of(), List.of());
    }

    public static PreparedData prepared() {
        return PreparedData.of(dataset(), new PreparedData.Key(new DatasetRef.Builtin(DatasetId.MNIST), 0, 0, 0, 1,
                Normalization.UNIT));
    }

    /** Settings without a validation split: the curve is the test split's, as {@link #prepared()} has it. */
    public static TrainingSettings training(Optimizer opt, int epochs) {
        return new TrainingSettings(opt, 32, epochs, 5, 0.9, 0, 0, Normalization.UNIT, 0, 0, 1, false);
    }

    /** The learning rate of {@link #cell(String, Activation, boolean, long, TrainingSettings)}. */
    public static final double RATE = 0.1;

    public static CellSpec cell(String init, Activation act, boolean bn, long seed, TrainingSettings t) {
        return cell(init, act, bn, RATE, seed, t);
    }

    public static CellSpec cell(String init, Activation act, boolean bn, double learningRate, long seed,
                                TrainingSettings t) {
        return new CellSpec(DatasetId.MNIST, Architecture.MLP, 2, 32, InitSpec.parse(init), act, bn,
                new BiasSpec.Constant(0.0), learningRate, seed, t);
    }
}
