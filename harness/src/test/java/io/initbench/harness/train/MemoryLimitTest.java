package io.initbench.harness.train;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.DatasetShape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which memory limits hold. ND4J M2.1's arrays are allocated by libnd4j: JavaCPP's {@code maxBytes} does
 * not count them, so only its {@code maxPhysicalBytes} (resident memory, checked at each JavaCPP
 * allocation) turns too much memory into an exception; {@link MemoryBudget} refuses a cell before it starts.
 */
class MemoryLimitTest {
    private static final long MIB = 1 << 20;

    @TempDir
    Path tmp;

    /** Allocates and touches 128 MiB arrays until {@code args[0]} MiB, then prints what happened. */
    public static final class Allocate {
        public static void main(String[] args) {
            long target = Long.parseLong(args[0]) * MIB;
            List<INDArray> keep = new ArrayList<>();
            try {
                for (long done = 0; done < target; done += 128 * MIB) {
                    keep.add(Nd4j.create(DataType.FLOAT, 32 * MIB).addi(1)); // 32 Mi floats = 128 MiB, touched
                }
                System.out.println("ALLOCATED " + keep.size() * 128 + " MiB; JavaCPP counted " + Pointer.totalBytes()
                        + " bytes against maxBytes " + Pointer.maxBytes());
            } catch (Throwable e) {
                System.out.println("THROWN after " + keep.size() * 128 + " MiB: " + e + " | recognized as out of memory: "
                        + CellTrainer.outOfMemory(e));
            }
        }
    }

    private String allocate(long mib, String... props) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(props));
        cmd.addAll(List.of(Allocate.class.getName(), Long.toString(mib)));
        Path log = tmp.resolve("allocate.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "allocating process timed out");
        assertEquals(0, p.exitValue(), Files.readString(log));
        return Files.readString(log);
    }

    @Test
    void maxBytesDoesNotLimitNd4jArraysButMaxPhysicalBytesThrows() throws Exception {
        // -Dorg.bytedeco.javacpp.maxbytes=64m (and -Xmx256m, its default) let 1 GiB of arrays through
        String free = allocate(1024, "-Dorg.bytedeco.javacpp.maxbytes=64m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=0");
        assertTrue(free.contains("ALLOCATED 1024 MiB"), free);
        // a resident-memory limit turns the same allocations into an OutOfMemoryError the trainer recognizes
        String limited = allocate(1024, "-Dorg.bytedeco.javacpp.maxphysicalbytes=700m");
        assertTrue(limited.contains("THROWN") && limited.contains("OutOfMemoryError: Cannot allocate")
                && limited.contains("recognized as out of memory: true"), limited);
    }

    private static CellSpec cell(int width) {
        return Grid.cells(new SuiteLoader().load("smoke", Map.of("width", Integer.toString(width), "weightInit",
                "XAVIER", "activation", "RELU"))).get(0);
    }

    private static final DatasetShape MNIST = new DatasetRef.Builtin(DatasetId.MNIST).knownShape().orElseThrow();

    @Test
    void theEstimateCoversParametersGradientsAndUpdaterState() {
        long wide = MemoryBudget.estimate(cell(65536), MNIST);
        // 784·65536 + 65536² + 65536·10 ≈ 4.35e9 float parameters = 17.4 GB before gradients
        assertTrue(wide > 17_000_000_000L, "estimate " + wide);
        long small = MemoryBudget.estimate(cell(64), MNIST);
        assertTrue(small > 4L * (784 * 64 + 64 * 64 + 64 * 10) && small < 64 * MIB, "estimate " + small);
        MemoryBudget oneGiB = new MemoryBudget(1L << 30, "test limit", 2);
        assertNull(oneGiB.check(cell(64), MNIST));
        String why = oneGiB.check(cell(65536), MNIST);
        assertTrue(why.startsWith("not enough memory for this cell: it needs about ") && why.contains("512 MiB of 1.0 GiB")
                && why.contains("-Xmx") && why.contains("-Dworkers"), why);
    }
}
