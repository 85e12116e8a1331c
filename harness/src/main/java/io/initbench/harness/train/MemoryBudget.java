package io.initbench.harness.train;

import com.sun.management.OperatingSystemMXBean;
import io.initbench.datasets.DatasetShape;
import io.initbench.harness.model.ModelFactory;
import io.initbench.harness.spec.Architecture;
import io.initbench.harness.spec.CellSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Refuses a cell before it starts when its network cannot fit. Nothing else stops it: ND4J 1.0.0-M2.1
 * allocates its arrays inside libnd4j, which JavaCPP's {@code maxBytes} does not count and whose own
 * primary-memory limit the CPU backend does not enforce, and JavaCPP's {@code maxPhysicalBytes} check
 * (off by default here, for speed) only runs at the next JavaCPP allocation, after the memory was touched.
 * A cell far beyond the machine's memory is therefore ended by the kernel's OOM killer with the whole
 * process and nothing recorded. The estimate is DL4J's own memory report of the configuration
 * (parameters, gradients, updater state, activations and working memory of one training batch).
 *
 * @param nativeLimit bytes all workers' networks may use together: the smallest of JavaCPP's
 *                    {@code maxBytes} (= -Xmx unless set), its {@code maxPhysicalBytes} when set, and the
 *                    machine's (or container's) physical memory
 * @param limits      how {@code nativeLimit} was found, for the message
 */
public record MemoryBudget(long nativeLimit, String limits, int workers) {
    public MemoryBudget {
        if (nativeLimit <= 0 || workers < 1) {
            throw new IllegalArgumentException("memory limit " + nativeLimit + " / workers " + workers);
        }
    }

    /**
     * How the reason of a cell refused by this check begins. Such a cell is not a result: a resume
     * (perhaps with more memory or fewer workers) tries it again ({@link #refused}).
     */
    public static final String REFUSED = "not enough memory for this cell";

    /** Whether {@code reason} is this check's refusal, which a resume retries. */
    public static boolean refused(String reason) {
        return reason != null && reason.startsWith(REFUSED);
    }

    /** The limits of this JVM and machine, shared by {@code workers} cells at a time. */
    public static MemoryBudget ofThisJvm(int workers) {
        List<String> named = new ArrayList<>();
        long limit = Long.MAX_VALUE;
        long maxBytes = Pointer.maxBytes();
        if (maxBytes > 0) {
            limit = maxBytes;
            named.add("off-heap limit " + mib(maxBytes) + " (-Dorg.bytedeco.javacpp.maxbytes, default -Xmx)");
        }
        long maxPhysical = Pointer.maxPhysicalBytes();
        if (maxPhysical > 0) {
            limit = Math.min(limit, maxPhysical);
            named.add("-Dorg.bytedeco.javacpp.maxphysicalbytes " + mib(maxPhysical));
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                && os.getTotalMemorySize() > 0) {
            limit = Math.min(limit, os.getTotalMemorySize());
            named.add("physical memory " + mib(os.getTotalMemorySize()));
        }
        return new MemoryBudget(limit, String.join(", ", named), workers);
    }

    /** DL4J's estimate of one training step of the cell, in bytes; -1 when the cell cannot be built. */
    public static long estimate(CellSpec cell, DatasetShape shape) {
        MultiLayerConfiguration conf;
        try {
            conf = ModelFactory.build(cell, shape);
        } catch (RuntimeException e) {
            return -1; // the trainer reports why, as SKIPPED
        }
        InputType input = cell.architecture() == Architecture.MLP ? InputType.feedForward(shape.featureSize())
                : InputType.convolutionalFlat(shape.height(), shape.width(), shape.channels());
        try {
            return conf.getMemoryReport(input).getTotalMemoryBytes(cell.training().batchSize(), MemoryUseMode.TRAINING,
                    CacheMode.NONE, DataType.FLOAT);
        } catch (RuntimeException e) {
            return -1; // no estimate: the cell runs, as before this check existed
        }
    }

    /** Null when the cell fits its share of the limit, else why it does not and what to raise. */
    public String check(CellSpec cell, DatasetShape shape) {
        long need = estimate(cell, shape);
        long share = nativeLimit / workers;
        if (need <= share) {
            return null;
        }
        return REFUSED + ": it needs about " + mib(need) + " (parameters, gradients, updater"
                + " state and the activations of a batch of " + cell.training().batchSize() + ", DL4J's estimate), but"
                + " each of the " + workers + " worker(s) may use " + mib(share) + " of " + mib(nativeLimit) + " ("
                + limits + "). Raise -Xmx or -Dorg.bytedeco.javacpp.maxbytes (and the machine's memory), run fewer"
                + " -Dworkers, or shrink the cell (width, depth, batchSize)";
    }

    private static String mib(long bytes) {
        return io.initbench.datasets.fetch.ByteSize.of(bytes);
    }
}
