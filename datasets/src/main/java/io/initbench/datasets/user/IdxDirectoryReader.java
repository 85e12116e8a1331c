package io.initbench.datasets.user;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.ImageSet;
import io.initbench.datasets.LoadedDataset;
import io.initbench.datasets.Splits;
import io.initbench.datasets.fetch.Checksum;
import io.initbench.datasets.fetch.VerifiedFile;
import io.initbench.datasets.format.IdxImages;
import io.initbench.datasets.format.IdxReader;
import io.initbench.datasets.format.IdxReader.IdxArray;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/** Reads the four MNIST-style IDX files of a directory (plain or gzipped), e.g. Fashion-MNIST. */
public final class IdxDirectoryReader {
    /** Base names in the order train images, train labels, test images, test labels. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private IdxDirectoryReader() {
    }

    public static LoadedDataset load(DatasetRef.IdxDirectory ref) {
        Path dir = ref.resolve();
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("dataset " + ref.key() + ": " + dir + " is not a directory; give the directory"
                    + " that holds " + String.join(", ", FILES) + " (each may end in .gz)");
        }
        List<Path> paths = new ArrayList<>();
        for (String name : FILES) {
            paths.add(find(ref, dir, name));
        }
        IdxReader reader = new IdxReader();
        List<IdxArray> arrays = paths.stream().map(p -> read(reader, p)).toList();
        int classes = 1 + IntStream.of(1, 3).flatMap(i -> maxLabel(arrays.get(i))).max().orElse(0);
        if (classes < 2) {
            throw new DatasetException("dataset " + ref.key() + ": every label is 0; a classifier needs at least 2 classes");
        }
        ImageSet train = IdxImages.pair(arrays.get(0), arrays.get(1), paths.get(0).toString(),
                paths.get(1).toString(), classes);
        ImageSet test = IdxImages.pair(arrays.get(2), arrays.get(3), paths.get(2).toString(),
                paths.get(3).toString(), classes);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new DatasetException("dataset " + ref.key() + ": train images are " + train.height() + "x" + train.width()
                    + " but test images are " + test.height() + "x" + test.width() + "; both splits must have one size");
        }
        List<VerifiedFile> files = new ArrayList<>();
        for (Path p : paths) {
            files.add(new VerifiedFile(p.getFileName().toString(), p, p.toString(), Checksum.sha256(p), true,
                    "user data: no published checksum"));
        }
        List<String> names = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new LoadedDataset(ref, new Splits(train, test), files, names);
    }

    private static Path find(DatasetRef.IdxDirectory ref, Path dir, String name) {
        Path plain = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        boolean hasPlain = Files.isRegularFile(plain);
        boolean hasGz = Files.isRegularFile(gz);
        if (hasPlain && hasGz) {
            throw new DatasetException("dataset " + ref.key() + ": both " + name + " and " + name + ".gz are in " + dir
                    + "; remove one so it is clear which is read");
        }
        if (!hasPlain && !hasGz) {
            throw new DatasetException("dataset " + ref.key() + ": " + dir + " has no " + name + " (or " + name
                    + ".gz); an IDX directory holds " + String.join(", ", FILES));
        }
        return hasGz ? gz : plain;
    }

    private static IdxArray read(IdxReader reader, Path p) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
             InputStream in = p.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return reader.read(in, p.toString());
        } catch (IOException e) {
            throw new DatasetException(p + ": cannot read (" + e.getMessage() + "); the file is not"
                    + (p.getFileName().toString().endsWith(".gz") ? " gzip" : " IDX") + " or is corrupt", e);
        }
    }

    private static IntStream maxLabel(IdxArray labels) {
        int max = 0;
        for (byte b : labels.data()) {
            max = Math.max(max, Byte.toUnsignedInt(b));
        }
        return IntStream.of(max);
    }
}
