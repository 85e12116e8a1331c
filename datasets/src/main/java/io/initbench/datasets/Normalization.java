package io.initbench.datasets;

/**
 * How raw pixel bytes become network inputs. A closed set: a suite names one of these.
 */
public enum Normalization {
    /** x / 255, in [0, 1]. */
    UNIT,
    /**
     * x / 255, then per channel (x - mean) / std with mean and std measured on the training split and
     * applied unchanged to the test split (using test statistics would leak).
     */
    STANDARDIZE;

    /** Per-channel mean and standard deviation of {@code x / 255} over a split. */
    public record ChannelStats(double[] mean, double[] std) {
    }

    public static ChannelStats channelStats(ImageSet set) {
        int plane = set.height() * set.width();
        double[] sum = new double[set.channels()];
        double[] sumSq = new double[set.channels()];
        byte[] px = set.pixels();
        for (int i = 0; i < set.count(); i++) {
            int base = i * set.featureSize();
            for (int c = 0; c < set.channels(); c++) {
                int off = base + c * plane;
                long s = 0;
                long sq = 0;
                for (int p = 0; p < plane; p++) {
                    int v = Byte.toUnsignedInt(px[off + p]);
                    s += v;
                    sq += (long) v * v;
                }
                sum[c] += s;
                sumSq[c] += sq;
            }
        }
        double n = (double) set.count() * plane;
        double[] mean = new double[set.channels()];
        double[] std = new double[set.channels()];
        for (int c = 0; c < set.channels(); c++) {
            double m = sum[c] / n;
            double var = Math.max(0, sumSq[c] / n - m * m);
            mean[c] = m / 255.0;
            std[c] = Math.sqrt(var) / 255.0;
        }
        return new ChannelStats(mean, std);
    }

    /**
     * The split as floats, row-major {@code [count, featureSize]}.
     *
     * @param stats training-split statistics; required for {@link #STANDARDIZE}, ignored for {@link #UNIT}
     */
    public float[] apply(ImageSet set, ChannelStats stats) {
        byte[] px = set.pixels();
        float[] out = new float[px.length];
        int plane = set.height() * set.width();
        int d = set.featureSize();
        for (int i = 0; i < px.length; i++) {
            float v = Byte.toUnsignedInt(px[i]) / 255f;
            if (this == STANDARDIZE) {
                int c = (i % d) / plane;
                double sd = stats.std()[c] > 0 ? stats.std()[c] : 1.0;
                v = (float) ((v - stats.mean()[c]) / sd);
            }
            out[i] = v;
        }
        return out;
    }
}
