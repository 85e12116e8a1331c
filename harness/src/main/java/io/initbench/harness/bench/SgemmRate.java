package io.initbench.harness.bench;

import io.initbench.harness.train.NativeThreads;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Large single-precision GEMM throughput: the ceiling any training loop on this machine can reach. */
public final class SgemmRate {
    private SgemmRate() {
    }

    /** Median GFLOP/s of {@code reps} n×n×n sgemm calls with the given native thread count. */
    public static double gflops(int n, int threads, int reps) {
        NativeThreads.configure(threads);
        Nd4j.getRandom().setSeed(1);
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0); // warm-up: thread pools, page faults
        double[] gflops = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            double s = (System.nanoTime() - t0) / 1e9;
            gflops[r] = 2.0 * n * n * (double) n / s / 1e9;
        }
        Arrays.sort(gflops);
        return gflops[reps / 2];
    }
}
