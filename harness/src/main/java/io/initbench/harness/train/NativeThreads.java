package io.initbench.harness.train;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets how many native threads (OpenMP and BLAS) each ND4J op may use, process-wide. Done through the
 * API rather than {@code OMP_NUM_THREADS} because {@code mvn exec:java} runs inside Maven's JVM, whose
 * environment cannot be changed after start.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    public static void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("native threads must be >= 1, got " + threads);
        }
        Nd4j.getExecutioner(); // the backend must be loaded before NativeOpsHolder is touched
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    public static int current() {
        Nd4j.getExecutioner();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
