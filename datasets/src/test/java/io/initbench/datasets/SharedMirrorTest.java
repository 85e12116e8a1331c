package io.initbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.fetch.VerifiedFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real offline mirror beside the checkout ({@code ../shared/datasets}, as CI has it):
 * MNIST verifies as official; the CIFAR-10 replica is refused by default and accepted, flagged,
 * under {@code datasets.verify=warn}.
 */
class SharedMirrorTest {
    static final String MIRROR = System.getProperty("initbench.testMirror", "../../shared/datasets");

    @TempDir
    Path cache;

    private DatasetLoader loader(String verify) {
        return DatasetLoader.create(DatasetSettings.from(Map.of(
                DatasetSettings.DIR_PROPERTY, cache.toString(),
                DatasetSettings.MIRROR_PROPERTY, MIRROR,
                DatasetSettings.VERIFY_PROPERTY, verify), Map.of()));
    }

    @Test
    void mnistFromMirrorIsOfficial() {
        LoadedDataset mnist = loader("strict").load(DatasetId.MNIST);
        assertTrue(mnist.official());
        assertEquals(60_000, mnist.splits().train().count());
        assertEquals(10_000, mnist.splits().test().count());
        assertEquals(784, mnist.splits().train().featureSize());
        // published class frequencies of the MNIST training set
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                mnist.splits().train().classCounts());
        assertEquals(5, mnist.splits().train().label(0), "the first training digit is a 5");
    }

    @Test
    void cifarReplicaIsRejectedByDefault() {
        DatasetException e = assertThrows(DatasetException.class, () -> loader("strict").load(DatasetId.CIFAR10));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains("c32a1d4ab5d03f1284b67883e8d87530"), e.getMessage());
        assertTrue(e.getMessage().contains("-Ddatasets.verify=warn"), e.getMessage());
    }

    @Test
    void cifarReplicaLoadsFlaggedUnderWarn() {
        LoadedDataset cifar = loader("warn").load(DatasetId.CIFAR10);
        assertFalse(cifar.official());
        VerifiedFile f = cifar.files().get(0);
        assertEquals("c478fd1cb691ca24d3cecba5919f092bf1808f3850f77b6b32d451246449eba4", f.sha256());
        assertEquals(50_000, cifar.splits().train().count());
        assertEquals(10_000, cifar.splits().test().count());
        assertArrayEquals(new int[] {5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000},
                cifar.splits().train().classCounts());
        assertEquals("airplane", cifar.classNames().get(0));
    }
}
