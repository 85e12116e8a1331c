package io.initbench.harness.bench;

import io.initbench.harness.train.NativeThreads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward product of a dense layer, [batch, nIn]·[nIn, nOut], on one thread, by the three routes a layer
 * can take: libnd4j's {@code matmul} op into a row-major output (what the fast dense layer uses; the onednn
 * builds run it on oneDNN), OpenBLAS's {@code cblas_sgemm} called directly (no ND4J op at all), and
 * DL4J's {@code mmuli} (the stock layer's route: a column-major product and a copy). The fast layer's
 * choice of route rests on this table, which {@code bench} measures on the machine it runs on.
 */
public final class LayerProducts {
    /** Batch × nIn × nOut of the suites' dense layers. */
    static final List<int[]> SHAPES = List.of(new int[] {128, 784, 256}, new int[] {128, 256, 256},
            new int[] {32, 784, 1000}, new int[] {32, 1000, 1000}, new int[] {128, 1000, 1000});

    /** GFLOP/s of each route at one shape (medians of 5 timed blocks). */
    public record Row(int batch, int nIn, int nOut, double matmul, double cblas, double mmuli) {
    }

    private LayerProducts() {
    }

    public static List<Row> measure() {
        NativeThreads.configure(1);
        List<Row> rows = new ArrayList<>();
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Nd4j.getRandom().setSeed(1);
            INDArray x = Nd4j.rand(DataType.FLOAT, m, k);
            // DL4J's weight layout: column-major [nIn, nOut]
            INDArray w = Nd4j.rand(DataType.FLOAT, k, n).dup('f');
            INDArray z = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'c');
            double flop = 2.0 * m * k * n;
            FloatPointer px = new FloatPointer(x.data().addressPointer());
            FloatPointer pw = new FloatPointer(w.data().addressPointer());
            FloatPointer pz = new FloatPointer(z.data().addressPointer());
            rows.add(new Row(m, k, n,
                    rate(flop, () -> Nd4j.gemm(x, w, z, false, false, 1.0, 0.0)),
                    // row-major z = x · w, with w read as the row-major [nOut, nIn] it is in memory, transposed
                    rate(flop, () -> openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                            openblas_nolapack.CblasNoTrans, openblas_nolapack.CblasTrans, m, n, k, 1f, px, k, pw, k,
                            0f, pz, n)),
                    rate(flop, () -> x.mmuli(w, z))));
        }
        return rows;
    }

    private static double rate(double flop, Runnable product) {
        int reps = (int) Math.max(5, 2e8 / flop);
        for (int i = 0; i < reps; i++) {
            product.run(); // warm-up: JIT, thread pools, page faults
        }
        double[] g = new double[5];
        for (int b = 0; b < g.length; b++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                product.run();
            }
            g[b] = flop * reps / ((System.nanoTime() - t0) / 1e9) / 1e9;
        }
        Arrays.sort(g);
        return g[g.length / 2];
    }
}
