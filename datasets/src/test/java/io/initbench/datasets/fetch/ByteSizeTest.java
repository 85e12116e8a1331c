package io.initbench.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Sizes in the unit that shows them: MNIST's label files are KiB, not "(0 MiB)". */
class ByteSizeTest {
    @Test
    void eachSizeInTheUnitThatShowsIt() {
        assertEquals("0 bytes", ByteSize.of(0));
        assertEquals("1 byte", ByteSize.of(1));
        assertEquals("1023 bytes", ByteSize.of(1023));
        assertEquals("9.8 KiB", ByteSize.of(10_008)); // t10k-labels-idx1-ubyte (uncompressed)
        assertEquals("28 KiB", ByteSize.of(28_881)); // train-labels-idx1-ubyte.gz
        assertEquals("200 KiB", ByteSize.of(200 << 10));
        assertEquals("9.5 MiB", ByteSize.of(9_912_422)); // train-images-idx3-ubyte.gz
        assertEquals("1.0 GiB", ByteSize.of(1L << 30));
        assertEquals("16 GiB", ByteSize.of(16L << 30));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.of(-1));
    }
}
