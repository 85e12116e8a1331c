package io.initbench.harness.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

/** Grids and suite files too large to handle are refused with a message, not an overflow or a long parse. */
class SizeLimitTest {
    @TempDir
    Path tmp;

    @Test
    void axesWhoseProductIsTwoToTheSixtyFourAreTooManyCellsNotZero() {
        // 2·2·2^9·2^16·1·2^4·2·2^16·2^16 = 2^64, which wraps to 0 in long arithmetic
        Axes axes = new Axes(List.of(new DatasetRef.Builtin(DatasetId.MNIST), new DatasetRef.Builtin(DatasetId.CIFAR10)), List.of(Architecture.MLP, Architecture.CNN),
                IntStream.rangeClosed(1, 512).boxed().toList(), IntStream.rangeClosed(1, 65536).boxed().toList(),
                List.of(InitSpec.parse("XAVIER")), Arrays.asList(Activation.values()).subList(0, 16), List.of(false, true),
                IntStream.range(0, 65536).mapToObj(i -> (BiasSpec) new BiasSpec.Constant(i)).toList(), List.of(0.1),
                LongStream.range(0, 65536).boxed().toList());
        SuiteException e = assertThrows(SuiteException.class, axes::size);
        assertTrue(e.getMessage().contains("shrink the axes"), e.getMessage());
        SuiteSpec suite = new SuiteSpec("huge", "", axes, TrainingSettings.DEFAULTS);
        assertThrows(SuiteException.class, () -> Grid.cells(suite));
    }

    @Test
    void aSuiteFileOverTheByteLimitIsRefusedBeforeParsing() throws Exception {
        Path file = tmp.resolve("big.yaml");
        Files.writeString(file, "name: big\naxes:\n  seed: [" + "1, ".repeat(400_000) + "1]\n");
        SuiteException e = assertThrows(SuiteException.class, () -> new SuiteLoader().load(file.toString(), Map.of()));
        assertTrue(e.getMessage().contains("bytes, more than the " + SuiteLoader.MAX_FILE_BYTES), e.getMessage());
    }
}
