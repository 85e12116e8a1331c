package io.initbench.datasets.user;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.ImageSet;
import io.initbench.datasets.LoadedDataset;
import io.initbench.datasets.Splits;
import io.initbench.datasets.fetch.Checksum;
import io.initbench.datasets.fetch.VerifiedFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.datavec.api.io.labels.ParentPathLabelGenerator;
import org.datavec.api.split.CollectionInputSplit;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.datavec.image.loader.NativeImageLoader;
import org.datavec.image.recordreader.ImageRecordReader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads an image folder with DataVec: {@code <root>/<class>/<image>}, or {@code <root>/train/<class>/...}
 * and {@code <root>/test/<class>/...}. Files are listed here, sorted, so the order (and with it every
 * balanced subset and the seeded split) is the same on every machine; DataVec decodes and resizes them
 * and {@link ParentPathLabelGenerator} names each image's class after its folder.
 */
public final class ImageFolderReader {
    /** Sub-folders that, present together, mean the split is given. */
    public static final String TRAIN = "train";
    public static final String TEST = "test";

    private ImageFolderReader() {
    }

    /** The image files of one split, by class name (sorted). */
    public record Split(String name, Path dir, Map<String, List<Path>> byClass) {
    }

    public static LoadedDataset load(DatasetRef.ImageFolder ref) {
        Path root = ref.resolve();
        Listing listing = list(ref);
        Map<String, List<Path>> train = listing.train().byClass();
        Map<String, List<Path>> test = listing.test().byClass();
        List<String> classes = List.copyOf(train.keySet());
        ImageSet trainSet = decode(ref, train, classes);
        ImageSet testSet = decode(ref, test, classes);
        VerifiedFile provenance = new VerifiedFile("listing of " + listing.files().size() + " files", root,
                root.toString(), listing.sha256(), true, "user data: SHA-256 of the sorted listing (relative path, size,"
                + " SHA-256 of each file); " + listing.files().size() + " files, " + classes.size() + " classes, "
                + (listing.splitGiven() ? "train/ and test/ given" : "split " + (1 - ref.testFraction()) + "/"
                + ref.testFraction() + " per class with seed " + ref.splitSeed()));
        return new LoadedDataset(ref, new Splits(trainSet, testSet), List.of(provenance), classes);
    }

    /** The validated listing: what will be read, and its hash. */
    public record Listing(Split train, Split test, boolean splitGiven, List<Path> files, String sha256) {
    }

    /** Lists and validates the folder without decoding an image. */
    public static Listing list(DatasetRef.ImageFolder ref) {
        Path root = ref.resolve();
        if (!Files.exists(root)) {
            throw new DatasetException("dataset " + ref.key() + ": folder " + root + " does not exist; give the folder"
                    + " that holds one sub-folder of images per class (relative paths start at the working directory)");
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException("dataset " + ref.key() + ": " + root + " is a file, not a folder; give the folder"
                    + " that holds one sub-folder of images per class");
        }
        List<Path> top = subfolders(root);
        Set<String> topNames = top.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        boolean hasTrain = topNames.contains(TRAIN);
        boolean hasTest = topNames.contains(TEST);
        Split train;
        Split test;
        if (hasTrain || hasTest) {
            if (!(hasTrain && hasTest)) {
                throw new DatasetException("dataset " + ref.key() + ": " + root + " has " + (hasTrain ? TRAIN : TEST)
                        + "/ but no " + (hasTrain ? TEST : TRAIN) + "/; give both, or put the class folders directly in "
                        + root + " to have them split");
            }
            if (top.size() > 2) {
                throw new DatasetException("dataset " + ref.key() + ": " + root + " has train/ and test/ and also "
                        + topNames.stream().filter(n -> !n.equals(TRAIN) && !n.equals(TEST)).sorted().toList()
                        + "; with train/ and test/ the class folders go inside them");
            }
            train = classes(ref, root.resolve(TRAIN), TRAIN);
            test = classes(ref, root.resolve(TEST), TEST);
            if (!train.byClass().keySet().equals(test.byClass().keySet())) {
                Set<String> onlyTrain = new TreeSet<>(train.byClass().keySet());
                onlyTrain.removeAll(test.byClass().keySet());
                Set<String> onlyTest = new TreeSet<>(test.byClass().keySet());
                onlyTest.removeAll(train.byClass().keySet());
                throw new DatasetException("dataset " + ref.key() + ": train/ and test/ have different classes"
                        + (onlyTrain.isEmpty() ? "" : "; only in train/: " + onlyTrain)
                        + (onlyTest.isEmpty() ? "" : "; only in test/: " + onlyTest)
                        + "; both splits need the same class folders");
            }
        } else {
            Split all = classes(ref, root, "");
            Split[] parts = split(ref, all);
            train = parts[0];
            test = parts[1];
        }
        List<Path> files = new ArrayList<>();
        Stream.of(train, test).forEach(s -> s.byClass().values().forEach(files::addAll));
        List<Path> sorted = files.stream().sorted().toList();
        return new Listing(train, test, hasTrain, sorted, listingHash(root, sorted));
    }

    /**
     * SHA-256 over one line per file, sorted by path: relative path, size, SHA-256 of the content. A
     * renamed, resized, added, removed or edited image changes it.
     */
    static String listingHash(Path root, List<Path> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                String line = rel + "\t" + Files.size(f) + "\t" + Checksum.sha256(f) + "\n";
                md.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new DatasetException("cannot read " + root + " (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Split classes(DatasetRef.ImageFolder ref, Path dir, String splitName) {
        List<Path> classDirs = subfolders(dir);
        String where = splitName.isEmpty() ? dir.toString() : dir + " (the " + splitName + " split)";
        if (classDirs.isEmpty()) {
            throw new DatasetException("dataset " + ref.key() + ": " + where + " has no class sub-folders; put each"
                    + " class's images in a sub-folder named after the class (" + dir + "/<class>/<image>)");
        }
        if (classDirs.size() < 2) {
            throw new DatasetException("dataset " + ref.key() + ": " + where + " has one class folder ("
                    + classDirs.get(0).getFileName() + "); a classifier needs at least 2 classes");
        }
        Map<String, List<Path>> byClass = new TreeMap<>();
        for (Path c : classDirs) {
            List<Path> images = images(ref, c);
            if (images.isEmpty()) {
                throw new DatasetException("dataset " + ref.key() + ": class folder " + c + " has no images; add images ("
                        + String.join(", ", NativeImageLoader.ALLOWED_FORMATS) + ") or remove the folder");
            }
            byClass.put(c.getFileName().toString(), images);
        }
        if (byClass.size() > 256) {
            throw new DatasetException("dataset " + ref.key() + ": " + where + " has " + byClass.size()
                    + " classes; at most 256 are supported");
        }
        return new Split(splitName, dir, byClass);
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    /** The image files of a class folder, sorted; anything else there is an error rather than a silent skip. */
    private static List<Path> images(DatasetRef.ImageFolder ref, Path classDir) {
        Set<String> formats = Set.of(NativeImageLoader.ALLOWED_FORMATS);
        List<Path> out = new ArrayList<>();
        List<Path> other = new ArrayList<>();
        try (Stream<Path> s = Files.list(classDir)) {
            for (Path p : s.filter(p -> !hidden(p)).sorted().toList()) {
                String name = p.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(p) && name.contains(".") && formats.contains(ext)) {
                    out.add(p);
                } else {
                    other.add(p);
                }
            }
        } catch (IOException e) {
            throw new DatasetException("cannot list " + classDir + " (" + e.getMessage() + ")", e);
        }
        if (!other.isEmpty()) {
            throw new DatasetException("dataset " + ref.key() + ": " + other.get(0) + (other.size() > 1 ? " and "
                    + (other.size() - 1) + " more" : "") + " in class folder " + classDir + " are not image files"
                    + " (accepted: " + String.join(", ", NativeImageLoader.ALLOWED_FORMATS) + "); move them out");
        }
        return out;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    /**
     * A per-class split: each class's files (sorted) are shuffled with the split seed and the first
     * {@code round(n × testFraction)} (at least 1, at most n − 1) go to the test split, so both splits
     * keep the class proportions and every class is in both.
     */
    private static Split[] split(DatasetRef.ImageFolder ref, Split all) {
        Map<String, List<Path>> train = new TreeMap<>();
        Map<String, List<Path>> test = new TreeMap<>();
        for (Map.Entry<String, List<Path>> e : all.byClass().entrySet()) {
            List<Path> files = new ArrayList<>(e.getValue());
            if (files.size() < 2) {
                throw new DatasetException("dataset " + ref.key() + ": class '" + e.getKey() + "' has " + files.size()
                        + " image; splitting into train and test needs at least 2 per class (or give train/ and test/)");
            }
            // one generator per class, seeded by the split seed and the class name: adding a class
            // does not reshuffle the others
            Collections.shuffle(files, new Random(ref.splitSeed() * 31 + e.getKey().hashCode()));
            int nTest = (int) Math.min(files.size() - 1, Math.max(1, Math.round(files.size() * ref.testFraction())));
            test.put(e.getKey(), files.subList(0, nTest).stream().sorted().toList());
            train.put(e.getKey(), files.subList(nTest, files.size()).stream().sorted().toList());
        }
        return new Split[] {new Split(TRAIN, all.dir(), train), new Split(TEST, all.dir(), test)};
    }

    /** Decodes and resizes with DataVec, in listing order, into channel-major bytes. */
    private static ImageSet decode(DatasetRef.ImageFolder ref, Map<String, List<Path>> byClass, List<String> classes) {
        List<URI> uris = new ArrayList<>();
        byClass.values().forEach(l -> l.forEach(p -> uris.add(p.toUri())));
        int d = ref.channels() * ref.height() * ref.width();
        byte[] pixels = new byte[uris.size() * d];
        byte[] labels = new byte[uris.size()];
        ImageRecordReader reader = new ImageRecordReader(ref.height(), ref.width(), ref.channels(),
                new ParentPathLabelGenerator());
        reader.setLogLabelCountOnInit(false);
        try {
            reader.initialize(new CollectionInputSplit(uris));
        } catch (IOException e) {
            throw new DatasetException("dataset " + ref.key() + ": DataVec cannot open the listing (" + e.getMessage() + ")", e);
        }
        // DataVec sorts the class names it infers; the same sorted list here keeps label i = classes[i]
        if (!reader.getLabels().equals(classes)) {
            throw new IllegalStateException("DataVec inferred classes " + reader.getLabels() + ", expected " + classes);
        }
        for (int i = 0; i < uris.size(); i++) {
            List<Writable> record;
            try {
                record = reader.next();
            } catch (RuntimeException e) {
                throw unreadable(ref, Path.of(uris.get(i)), e);
            }
            INDArray image = ((NDArrayWritable) record.get(0)).get();
            if (image.length() != d) {
                throw unreadable(ref, Path.of(uris.get(i)), new IllegalStateException("decoded to shape "
                        + Arrays.toString(image.shape())));
            }
            // NativeImageLoader yields [1, C, H, W] with values 0..255 after resizing
            float[] v = image.castTo(DataType.FLOAT).dup('c').data().asFloat();
            for (int k = 0; k < d; k++) {
                pixels[i * d + k] = (byte) Math.max(0, Math.min(255, Math.round(v[k])));
            }
            labels[i] = (byte) record.get(1).toInt();
        }
        return new ImageSet(uris.size(), ref.channels(), ref.height(), ref.width(), classes.size(), pixels, labels);
    }

    private static DatasetException unreadable(DatasetRef.ImageFolder ref, Path file, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new DatasetException("dataset " + ref.key() + ": " + file + " cannot be read as an image ("
                + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
                + "); replace or remove the file", e);
    }
}
