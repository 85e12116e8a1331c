package io.initbench.benchmarks;

import io.initbench.harness.model.PostInit;
import io.initbench.harness.train.NativeThreads;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One training iteration (batch 128, SGD) per architecture, single-threaded; and LSUV's data step. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class TrainingStepBenchmark {
    @Param({"mlp", "mlp-bn", "cnn"})
    public String arch;

    private MultiLayerNetwork net;
    private MultiLayerNetwork lsuvNet;
    private INDArray x;
    private INDArray y;

    @Setup(Level.Trial)
    public void setUp() {
        NativeThreads.configure(1);
        net = Nets.network(Nets.cell(arch, "RELU"));
        x = Nets.features(Nets.BATCH);
        y = Nets.labels(Nets.BATCH);
    }

    @Setup(Level.Invocation)
    public void freshLsuvNet() {
        // LSUV rescales in place, so every invocation starts from a fresh orthogonal network (not timed)
        lsuvNet = Nets.network(Nets.cell(arch, "LSUV"));
    }

    @Benchmark
    public double fit() {
        net.fit(x, y);
        return net.score();
    }

    @Benchmark
    public List<PostInit.LsuvLayer> lsuv() {
        return PostInit.lsuv(lsuvNet, x, 0.1, 10);
    }
}
