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

    /**
     * JavaCPP settings that make small ops cheaper; call before ND4J loads (they are read once, when
     * JavaCPP's Pointer class initialises), and an explicit -D given by the user wins. By default JavaCPP
     * reads /proc/self/statm on every native allocation to enforce maxPhysicalBytes and tracks every
     * Pointer for its own GC; ND4J frees its buffers through its own deallocator and workspaces, so both
     * only cost time here. Measured on the 784-256×4-10 MLP, batch 128, one thread: 8.6–9.0k → 11.3–11.5k
     * samples/s. The off-heap limit (maxBytes, = -Xmx by default) still applies.
     */
    public static void tuneJavaCpp() {
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null
                && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
        if (System.getProperty("org.bytedeco.javacpp.nopointergc") == null
                && System.getProperty("org.bytedeco.javacpp.noPointerGC") == null) {
            System.setProperty("org.bytedeco.javacpp.nopointergc", "true");
        }
    }

    public static int current() {
        Nd4j.getExecutioner();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
