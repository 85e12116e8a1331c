package io.initbench.datasets.fetch;

import java.util.Locale;

/**
 * A byte count in the unit that shows it: "28 KiB" for a label file, not "(0 MiB)"; one decimal below
 * ten units, so that "1.5 GiB" and "0.9 MiB" keep their meaning.
 */
public final class ByteSize {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSize() {
    }

    public static String of(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return value < 10 ? String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit])
                : String.format(Locale.ROOT, "%d %s", Math.round(value), UNITS[unit]);
    }
}
