package io.initbench.benchmarks;

import io.initbench.harness.train.CellTrainer;
import io.initbench.harness.train.MiniBatches;
import io.initbench.harness.train.NativeThreads;
import io.initbench.harness.train.PreparedData;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the harness adds per iteration, using its own code ({@link MiniBatches} gathers a shuffled batch
 * into reused buffers, then fit, then {@link CellTrainer#nonFinite} checks loss and parameters),
 * against a bare {@code fit} of a fixed batch, on the relu-vs-tanh MLP.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class HarnessOverheadBenchmark {
    private static final int TRAIN = 10_000;

    private MultiLayerNetwork bare;
    private MultiLayerNetwork harness;
    private INDArray x;
    private INDArray y;
    private MiniBatches batches;
    private int[] order;
    private int cursor;

    @Setup
    public void setUp() {
        NativeThreads.configure(1);
        bare = Nets.network(Nets.cell("mlp", "RELU"));
        harness = Nets.network(Nets.cell("mlp", "RELU"));
        x = Nets.features(Nets.BATCH);
        y = Nets.labels(Nets.BATCH);
        PreparedData data = new PreparedData(null, Nets.features(TRAIN), Nets.labels(TRAIN), Nets.features(10),
                new int[10], Nets.features(10), new int[10], 10);
        batches = new MiniBatches(data, Nets.BATCH);
        order = new Random(1).ints(0, TRAIN).distinct().limit(TRAIN).toArray();
    }

    @Benchmark
    public double bareFit() {
        bare.fit(x, y);
        return bare.score();
    }

    @Benchmark
    public double harnessIteration() {
        if (cursor + Nets.BATCH > TRAIN) {
            cursor = 0;
        }
        MiniBatches.Batch b = batches.fill(order, cursor, Nets.BATCH);
        cursor += Nets.BATCH;
        harness.fit(b.features(), b.labels());
        double loss = harness.score();
        String problem = CellTrainer.nonFinite(loss, harness.params());
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return loss;
    }
}
