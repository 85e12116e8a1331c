package io.initbench.benchmarks;

import io.initbench.harness.model.Initializers;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.train.NativeThreads;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time to initialize one square dense weight matrix. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class InitializerBenchmark {
    @Param({"XAVIER", "RELU_UNIFORM", "SPARSE", "ORTHOGONAL"})
    public String init;

    @Param({"1024", "4096"})
    public int size;

    private IWeightInit impl;
    private INDArray view;

    @Setup
    public void setUp() {
        NativeThreads.configure(1);
        Nd4j.getRandom().setSeed(1);
        impl = Initializers.of(InitSpec.parse(init));
        view = Nd4j.createUninitialized(DataType.FLOAT, 1, (long) size * size);
    }

    @Benchmark
    public INDArray initialize() {
        return impl.init(size, size, new long[] {size, size}, 'f', view);
    }
}
