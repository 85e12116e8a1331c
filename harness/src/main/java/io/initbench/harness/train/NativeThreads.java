package io.initbench.harness.train;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets how many native threads (OpenMP and BLAS) each ND4J op may use. Done through the API rather than
 * {@code OMP_NUM_THREADS} because {@code mvn exec:java} runs inside Maven's JVM, whose environment cannot
 * be changed after start. OpenMP's thread count is a per-thread setting: {@link #configure} sets it for
 * the calling thread, and every other thread that runs ND4J ops (the suite runner's workers) must call
 * {@link #applyToThisThread()} first. Without that a worker's oneDNN matrix products ran on as many
 * OpenMP threads as the machine has cores; two workers on two cores then waited a scheduler time slice
 * (about 7 ms) for each product: a depth-32 MLP cell took 52 s instead of 5 s beside another run.
 */
public final class NativeThreads {
    /** The count {@link #configure} last set; 0 before any call. */
    private static volatile int configured;

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
        configured = threads;
    }

    /** Gives the calling thread the OpenMP thread count {@link #configure} set (nothing before it ran). */
    public static void applyToThisThread() {
        int threads = configured;
        if (threads > 0) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
    }

    /**
     * Stops JavaCPP from reading /proc/self/statm on every native allocation (its maxPhysicalBytes
     * check): per-op cost that dominates small ops. Call before ND4J loads (JavaCPP reads it once, when
     * its Pointer class initialises); an explicit -Dorg.bytedeco.javacpp.maxPhysicalBytes wins. The
     * off-heap limit (maxBytes, = -Xmx by default) still applies and still triggers collections.
     * Measured on deep-signal: 4.1 → 3.1 min, identical results (with CellTrainer closing each network,
     * peak resident memory fell from 10 to 2.2 GB at the same time). JavaCPP's nopointergc would
     * gain more but leaks ND4J's native buffers (resident memory reached 17 GB on deep-signal).
     */
    public static void tuneJavaCpp() {
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null
                && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
    }

    /** OpenMP's thread count for ops the calling thread runs. */
    public static int current() {
        Nd4j.getExecutioner();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
