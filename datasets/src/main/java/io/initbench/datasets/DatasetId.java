package io.initbench.datasets;

import io.initbench.datasets.fetch.Checksum;
import io.initbench.datasets.fetch.RemoteFile;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of datasets: official file names, official URLs (first) with well-known fallback
 * mirrors, published checksums and expected shapes. A closed set so every {@code switch} over it is
 * exhaustive.
 */
public enum DatasetId {
    MNIST("mnist", 1, 28, 28, 10, 60_000, 10_000, List.of(
            mnist("train-images-idx3-ubyte.gz", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    47_040_016),
            mnist("train-labels-idx1-ubyte.gz", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    60_008),
            mnist("t10k-images-idx3-ubyte.gz", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    7_840_016),
            mnist("t10k-labels-idx1-ubyte.gz", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
                    10_008))),
    CIFAR10("cifar10", 3, 32, 32, 10, 50_000, 10_000, List.of(
            new RemoteFile("cifar10", "cifar-10-binary.tar.gz",
                    List.of(URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")),
                    // the MD5 published on the official CIFAR page; it covers the archive as downloaded
                    Checksum.md5OfFile("c32a1d4ab5d03f1284b67883e8d87530"),
                    // the official archive is 170,052,171 bytes; replicas repack it a little larger
                    2 * 170_052_171L)));

    private final String folder;
    private final int channels;
    private final int height;
    private final int width;
    private final int classes;
    private final int trainCount;
    private final int testCount;
    private final List<RemoteFile> files;

    DatasetId(String folder, int channels, int height, int width, int classes, int trainCount, int testCount,
              List<RemoteFile> files) {
        this.folder = folder;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.trainCount = trainCount;
        this.testCount = testCount;
        this.files = files;
    }

    /**
     * MNIST's published checksums are of the decompressed IDX files: mirrors re-make the gzip
     * containers, so only the content digest is stable.
     */
    private static RemoteFile mnist(String name, String sha256OfContent, long contentBytes) {
        return new RemoteFile("mnist", name, List.of(
                URI.create("https://yann.lecun.com/exdb/mnist/" + name),
                URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/" + name),
                URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/" + name)),
                Checksum.sha256OfGunzipped(sha256OfContent),
                // gzip never grows data by more than a few bytes per 32 KiB block, plus its header
                contentBytes + contentBytes / 100 + 1024);
    }

    /** Name as written in suite files and results. */
    public String key() {
        return folder;
    }

    public List<RemoteFile> files() {
        return files;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int classes() {
        return classes;
    }

    public int trainCount() {
        return trainCount;
    }

    public int testCount() {
        return testCount;
    }

    public int featureSize() {
        return channels * height * width;
    }

    /** Accepts {@code mnist}, {@code MNIST}, {@code cifar10}, {@code cifar-10}. */
    public static DatasetId parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (DatasetId id : values()) {
            if (id.folder.equals(n)) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'; valid: "
                + Arrays.stream(values()).map(DatasetId::key).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return folder;
    }
}
