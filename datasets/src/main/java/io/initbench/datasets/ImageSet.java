package io.initbench.datasets;

import java.util.Arrays;
import java.util.Random;

/**
 * Images and labels held as raw bytes, channel-major per image (C×H×W, as CIFAR-10 stores them and as
 * DL4J's {@code InputType.convolutionalFlat} expects). Immutable by convention: the arrays are shared
 * by every training cell in the JVM and nobody writes to them.
 *
 * @param pixels  {@code count * channels * height * width} unsigned bytes
 * @param labels  {@code count} class indices in {@code [0, numClasses)}
 */
public record ImageSet(int count, int channels, int height, int width, int numClasses,
                       byte[] pixels, byte[] labels) {

    public ImageSet {
        if (count < 0 || channels <= 0 || height <= 0 || width <= 0 || numClasses <= 1) {
            throw new IllegalArgumentException("bad image set shape: count=" + count + " channels=" + channels
                    + " height=" + height + " width=" + width + " classes=" + numClasses);
        }
        if ((long) count * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixel array has " + pixels.length + " bytes, shape needs "
                    + (long) count * channels * height * width);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
        }
        for (int i = 0; i < count; i++) {
            int label = Byte.toUnsignedInt(labels[i]);
            if (label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " at record " + i + " is outside [0, "
                        + numClasses + ")");
            }
        }
    }

    /** Values per image: the input width of a flat MLP. */
    public int featureSize() {
        return channels * height * width;
    }

    public int label(int i) {
        return Byte.toUnsignedInt(labels[i]);
    }

    /** Number of examples of each class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int i = 0; i < count; i++) {
            counts[label(i)]++;
        }
        return counts;
    }

    /** The images at the given indices, in that order. */
    public ImageSet select(int[] indices) {
        int d = featureSize();
        byte[] px = new byte[indices.length * d];
        byte[] lb = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * d, px, k * d, d);
            lb[k] = labels[indices[k]];
        }
        return new ImageSet(indices.length, channels, height, width, numClasses, px, lb);
    }

    /** A split of an image set into a chosen part and the rest; together they hold every image once. */
    public record Partition(ImageSet chosen, ImageSet rest) {
    }

    /**
     * A seeded, class-stratified sample of {@code n} examples: each class contributes in proportion to
     * its share of this set (largest remainders, ties to the lower class index), and which examples of a
     * class are taken is drawn with a generator seeded by {@code seed}. The same seed gives the same
     * sample on every machine ({@link Random} is specified to the bit); file order plays no part, so a
     * subset is not biased towards the head of a file (the first half of MNIST's test file is the easier
     * one). The sample is returned in file order; training shuffles it anyway.
     */
    public ImageSet stratifiedSubset(int n, long seed) {
        return n == count ? this : select(stratifiedIndices(n, seed));
    }

    /** {@link #stratifiedSubset} and the examples it left out, e.g. a validation split and the training rest. */
    public Partition stratifiedSplit(int n, long seed) {
        int[] chosen = stratifiedIndices(n, seed);
        boolean[] taken = new boolean[count];
        for (int i : chosen) {
            taken[i] = true;
        }
        int[] rest = new int[count - chosen.length];
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (!taken[i]) {
                rest[k++] = i;
            }
        }
        return new Partition(select(chosen), select(rest));
    }

    /** The indices of {@link #stratifiedSubset}, ascending. */
    public int[] stratifiedIndices(int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("subset size must be positive, got " + n);
        }
        if (n > count) {
            throw new IllegalArgumentException("subset of " + n + " requested but the split has only " + count
                    + " examples; lower train.size/test.size/validationSize or leave them unset to use everything");
        }
        int[] available = classCounts();
        int[] quota = new int[numClasses];
        long[] remainder = new long[numClasses];
        int assigned = 0;
        for (int c = 0; c < numClasses; c++) {
            long share = (long) n * available[c];
            quota[c] = (int) (share / count);
            remainder[c] = share % count;
            assigned += quota[c];
        }
        // at most numClasses - 1 examples are left; each goes to a class with a non-zero remainder, so no
        // class is asked for more examples than it has
        Integer[] byRemainder = new Integer[numClasses];
        for (int c = 0; c < numClasses; c++) {
            byRemainder[c] = c;
        }
        Arrays.sort(byRemainder, (a, b) -> remainder[a] != remainder[b] ? Long.compare(remainder[b], remainder[a])
                : Integer.compare(a, b));
        for (int k = 0; assigned < n; k++, assigned++) {
            quota[byRemainder[k]]++;
        }
        int[][] members = new int[numClasses][];
        int[] filled = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            members[c] = new int[available[c]];
        }
        for (int i = 0; i < count; i++) {
            int c = label(i);
            members[c][filled[c]++] = i;
        }
        Random rnd = new Random(seed);
        int[] chosen = new int[n];
        int k = 0;
        for (int c = 0; c < numClasses; c++) {
            int[] m = members[c];
            // partial Fisher-Yates: the first quota[c] slots become a uniform sample of the class
            for (int i = 0; i < quota[c]; i++) {
                int j = i + rnd.nextInt(m.length - i);
                int tmp = m[i];
                m[i] = m[j];
                m[j] = tmp;
                chosen[k++] = m[i];
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSet s && count == s.count && channels == s.channels && height == s.height
                && width == s.width && numClasses == s.numClasses && Arrays.equals(pixels, s.pixels)
                && Arrays.equals(labels, s.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "ImageSet[" + count + " x " + channels + "x" + height + "x" + width + ", " + numClasses + " classes]";
    }
}
