package io.initbench.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.TestFiles;
import io.initbench.datasets.format.IdxImages;
import io.initbench.datasets.format.IdxReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources and caches that are not what they claim to be get a message that names the real problem. */
class BadSourcesTest {
    @TempDir
    Path tmp;

    private static RemoteFile remote(long maxBytes) {
        return new RemoteFile("mnist", "labels.gz", List.of(URI.create("https://unreachable.invalid/labels.gz")),
                Checksum.sha256OfGunzipped("0".repeat(64)), maxBytes);
    }

    private DatasetStore store(Path mirrorBase) {
        return new DatasetStore(tmp.resolve("cache"), Mirror.parse(mirrorBase.toString()), VerifyPolicy.STRICT,
                new Downloader(Duration.ofSeconds(2), false));
    }

    private static void assertNoPartials(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".part")), "a partial download was left behind");
        }
    }

    @Test
    void aMirrorFileLinkedToDevZeroIsRefusedNotCopied() throws Exception {
        Path mirror = Files.createDirectories(tmp.resolve("mirror/mnist"));
        Files.createSymbolicLink(mirror.resolve("labels.gz"), Path.of("/dev/zero"));
        DatasetException e = assertThrows(DatasetException.class, () -> store(tmp.resolve("mirror")).ensure(remote(100)));
        assertTrue(e.getMessage().contains("is not a regular file (a directory, a device such as /dev/zero"),
                e.getMessage());
        assertNoPartials(tmp.resolve("cache/mnist"));
    }

    @Test
    void aSourceLongerThanAnyCopyOfTheFileStopsAtTheLimit() throws Exception {
        Path mirror = Files.createDirectories(tmp.resolve("mirror/mnist"));
        Files.write(mirror.resolve("labels.gz"), new byte[5000]);
        DatasetException e = assertThrows(DatasetException.class, () -> store(tmp.resolve("mirror")).ensure(remote(1000)));
        assertTrue(e.getMessage().contains("yields more than 1000 bytes, more than any copy of labels.gz can have"),
                e.getMessage());
        assertNoPartials(tmp.resolve("cache/mnist"));
    }

    @Test
    void aDirectoryInPlaceOfACachedFileIsBlamedOnTheCache() throws Exception {
        Files.createDirectories(tmp.resolve("mirror/mnist"));
        Files.createDirectories(tmp.resolve("cache/mnist/labels.gz/inside"));
        DatasetException e = assertThrows(DatasetException.class, () -> store(tmp.resolve("mirror"))
                .ensure(remote(1000)));
        assertTrue(e.getMessage().startsWith("the dataset cache holds a directory where the file labels.gz belongs"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Ddatasets.dir="), e.getMessage());
        assertFalse(e.getMessage().contains("mirror"), e.getMessage());
    }

    @Test
    void mismatchedLabelsNameTheLabelFileAndTheFix() throws Exception {
        IdxReader reader = new IdxReader();
        DatasetException e = assertThrows(DatasetException.class, () -> IdxImages.digits(
                reader.read(new ByteArrayInputStream(TestFiles.idxImages(6, 2, 2)), "images"),
                reader.read(new ByteArrayInputStream(TestFiles.idxLabels(4)), "labels"),
                "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte.gz holds 6 images but t10k-labels-idx1-ubyte.gz"
                + " holds 4 labels: t10k-labels-idx1-ubyte.gz is not the label file of these images"), e.getMessage());
        assertTrue(e.getMessage().contains("put the right t10k-labels-idx1-ubyte.gz into the mirror"), e.getMessage());
    }
}
