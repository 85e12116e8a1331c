package io.initbench.datasets;

import java.util.Arrays;

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

    /**
     * A deterministic, class-balanced subset of {@code n} examples: the first {@code n / numClasses}
     * examples of every class in file order (the first {@code n % numClasses} classes get one more),
     * kept in file order. No randomness, so a subset is the same on every machine and every night.
     */
    public ImageSet balancedSubset(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("subset size must be positive, got " + n);
        }
        if (n > count) {
            throw new IllegalArgumentException("subset of " + n + " requested but the split has only " + count
                    + " examples; lower train.size/test.size or leave them unset to use everything");
        }
        if (n == count) {
            return this;
        }
        int[] quota = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            quota[c] = n / numClasses + (c < n % numClasses ? 1 : 0);
        }
        int[] available = classCounts();
        for (int c = 0; c < numClasses; c++) {
            if (available[c] < quota[c]) {
                throw new IllegalArgumentException("class " + c + " has only " + available[c]
                        + " examples, a balanced subset of " + n + " needs " + quota[c]);
            }
        }
        int[] chosen = new int[n];
        int k = 0;
        for (int i = 0; i < count && k < n; i++) {
            int c = label(i);
            if (quota[c] > 0) {
                quota[c]--;
                chosen[k++] = i;
            }
        }
        return select(chosen);
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
