package io.initbench.datasets;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a suite's {@code dataset} axis names: a built-in dataset, an image folder of the user's, or a
 * directory of IDX files. Parsed here and nowhere else; {@link #key()} is the canonical spelling that
 * cell ids hash, so a built-in keeps the bare name it always had ({@code mnist}, {@code cifar10}).
 */
public sealed interface DatasetRef permits DatasetRef.Builtin, DatasetRef.UserData {
    String FOLDER_PREFIX = "folder:";
    String IDX_PREFIX = "idx:";

    /** The canonical spelling: what suite files, results and cell ids carry. */
    String key();

    /**
     * Calls the method of {@code cases} for this kind of reference. Java 17 has pattern matching for
     * {@code switch} only as a preview, so this is the exhaustive switch over the sealed kinds: a new kind
     * must implement {@code match}, which needs a new method in {@link Cases}, which fails to compile in
     * every caller until it handles the kind.
     */
    <R> R match(Cases<R> cases);

    /** One method per kind of {@link DatasetRef}. */
    interface Cases<R> {
        R builtin(Builtin b);

        R imageFolder(ImageFolder f);

        R idxDirectory(IdxDirectory d);
    }

    /** Shape and class count when they are known without reading the data (built-ins only). */
    default Optional<DatasetShape> knownShape() {
        return Optional.empty();
    }

    /** Training-split size when known without reading the data (built-ins only). */
    default Optional<Integer> knownTrainCount() {
        return Optional.empty();
    }

    /** A user dataset that lives at a path of the file system. */
    sealed interface UserData extends DatasetRef permits ImageFolder, IdxDirectory {
        /** The path as written in the suite. */
        String path();

        /** The path as an absolute, normalised file-system path (relative ones against the working directory). */
        default Path resolve() {
            return Path.of(path()).toAbsolutePath().normalize();
        }
    }

    /** One of the registry's datasets. */
    record Builtin(DatasetId id) implements DatasetRef {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.builtin(this);
        }

        @Override
        public String key() {
            return id.key();
        }

        @Override
        public Optional<DatasetShape> knownShape() {
            return Optional.of(new DatasetShape(id.channels(), id.height(), id.width(), id.classes()));
        }

        @Override
        public Optional<Integer> knownTrainCount() {
            return Optional.of(id.trainCount());
        }
    }

    /**
     * A folder with one sub-folder of images per class, either under {@code train/} and {@code test/}
     * or directly (then split per class, {@code testFraction} of each class to the test split, shuffled
     * with {@code splitSeed}). Every image is resized to {@code height × width} with {@code channels}
     * channels (1 = grey, 3 = colour).
     *
     * @param path as written (relative paths resolve against the working directory), so the key, and
     *             with it the cell ids, do not depend on where a checkout lives
     */
    record ImageFolder(String path, int height, int width, int channels, double testFraction, long splitSeed)
            implements UserData {
        public static final double DEFAULT_TEST_FRACTION = 0.2;
        public static final long DEFAULT_SPLIT_SEED = 0;

        public ImageFolder {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("dataset folder: needs a path, e.g. folder:data/shapes?size=28x28&channels=1");
            }
            path = normalise(path);
            if (height < 1 || width < 1 || height > 4096 || width > 4096) {
                throw new IllegalArgumentException("dataset " + FOLDER_PREFIX + path + ": size " + height + "x" + width
                        + " is out of range; use 1..4096 pixels a side, e.g. size=28x28");
            }
            if (channels != 1 && channels != 3) {
                throw new IllegalArgumentException("dataset " + FOLDER_PREFIX + path + ": channels=" + channels
                        + " is not supported; use channels=1 (grey) or channels=3 (colour)");
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("dataset " + FOLDER_PREFIX + path + ": test=" + testFraction
                        + " is not a fraction; use a value between 0 and 1 (exclusive), e.g. test=0.2");
            }
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.imageFolder(this);
        }

        @Override
        public String key() {
            StringBuilder k = new StringBuilder(FOLDER_PREFIX).append(path).append("?size=").append(height).append('x')
                    .append(width).append("&channels=").append(channels);
            // only when set: the split settings matter only to a folder without train/ and test/
            if (testFraction != DEFAULT_TEST_FRACTION) {
                k.append("&test=").append(testFraction);
            }
            if (splitSeed != DEFAULT_SPLIT_SEED) {
                k.append("&seed=").append(splitSeed);
            }
            return k.toString();
        }
    }

    /**
     * A directory holding the four MNIST-style IDX files ({@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
     * each optionally {@code .gz}), e.g. Fashion-MNIST.
     */
    record IdxDirectory(String path) implements UserData {
        public IdxDirectory {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("dataset idx: needs a directory, e.g. idx:/usr/share/fashion-mnist");
            }
            path = normalise(path);
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.idxDirectory(this);
        }

        @Override
        public String key() {
            return IDX_PREFIX + path;
        }
    }

    static DatasetRef of(DatasetId id) {
        return new Builtin(id);
    }

    /** True for data the user brings (its size and classes are known only once it is read). */
    default boolean userData() {
        return !(this instanceof Builtin);
    }

    /**
     * Reads {@code mnist}, {@code cifar10} (any case, {@code cifar-10}), {@code idx:<dir>} and
     * {@code folder:<dir>?size=HxW&channels=1|3[&test=0.2][&seed=0]}.
     */
    static DatasetRef parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith(IDX_PREFIX)) {
            return new IdxDirectory(t.substring(IDX_PREFIX.length()));
        }
        if (lower.startsWith(FOLDER_PREFIX)) {
            return parseFolder(t.substring(FOLDER_PREFIX.length()));
        }
        try {
            return new Builtin(DatasetId.parse(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", or your own data as " + FOLDER_PREFIX
                    + "<dir>?size=HxW&channels=1|3 (one sub-folder per class) or " + IDX_PREFIX + "<dir> (MNIST-style IDX files)");
        }
    }

    private static ImageFolder parseFolder(String spec) {
        int q = spec.indexOf('?');
        String path = q < 0 ? spec : spec.substring(0, q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            for (String kv : spec.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("dataset " + FOLDER_PREFIX + spec + ": '" + kv
                            + "' is not key=value; write e.g. ?size=28x28&channels=1");
                }
                String k = kv.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                if (!FOLDER_KEYS.contains(k)) {
                    throw new IllegalArgumentException("dataset " + FOLDER_PREFIX + spec + ": unknown setting '" + k
                            + "'; valid: " + String.join(", ", FOLDER_KEYS));
                }
                if (params.put(k, kv.substring(eq + 1).trim()) != null) {
                    throw new IllegalArgumentException("dataset " + FOLDER_PREFIX + spec + ": '" + k + "' is given twice");
                }
            }
        }
        for (String required : new String[] {"size", "channels"}) {
            if (!params.containsKey(required)) {
                throw new IllegalArgumentException("dataset " + FOLDER_PREFIX + spec + ": '" + required
                        + "' is missing; images are resized to a declared shape, e.g. " + FOLDER_PREFIX + path
                        + "?size=28x28&channels=1");
            }
        }
        Matcher size = SIZE.matcher(params.get("size"));
        if (!size.matches()) {
            throw new IllegalArgumentException("dataset " + FOLDER_PREFIX + spec + ": size=" + params.get("size")
                    + " is not HEIGHTxWIDTH; write e.g. size=28x28");
        }
        try {
            return new ImageFolder(path, Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)),
                    Integer.parseInt(params.get("channels")),
                    params.containsKey("test") ? Double.parseDouble(params.get("test")) : ImageFolder.DEFAULT_TEST_FRACTION,
                    params.containsKey("seed") ? Long.parseLong(params.get("seed")) : ImageFolder.DEFAULT_SPLIT_SEED);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataset " + FOLDER_PREFIX + spec + ": " + e.getMessage()
                    + " is not a number; channels and seed are integers, test a fraction", e);
        }
    }

    Pattern SIZE = Pattern.compile("(\\d{1,4})[xX](\\d{1,4})");

    /** The settings a {@code folder:} value accepts. */
    List<String> FOLDER_KEYS = List.of("size", "channels", "test", "seed");

    private static String normalise(String path) {
        String p = path.trim();
        // a trailing slash would give the same folder a second key, hence a second set of cell ids
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
