package io.initbench.datasets.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.ImageSet;
import io.initbench.datasets.TestFiles;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdxReaderTest {
    private final IdxReader reader = new IdxReader();

    private IdxReader.IdxArray read(byte[] bytes) {
        return reader.read(new ByteArrayInputStream(bytes), "test.idx");
    }

    @Test
    void readsImagesAndLabels() {
        IdxReader.IdxArray images = read(TestFiles.idxImages(12, 4, 3));
        IdxReader.IdxArray labels = read(TestFiles.idxLabels(12));
        assertArrayEquals(new int[] {12, 4, 3}, images.dims());
        assertEquals(12 * 4 * 3, images.data().length);
        assertEquals(7 + 5, Byte.toUnsignedInt(images.data()[12 + 5]), "image 1, pixel 5");
        ImageSet set = IdxImages.digits(images, labels, "test");
        assertEquals(12, set.count());
        assertEquals(1, set.channels());
        assertEquals(4, set.height());
        assertEquals(3, set.width());
        assertEquals(3, set.label(3));
    }

    @Test
    void rejectsWrongMagic() {
        byte[] bytes = TestFiles.idx(0x00000903, new int[] {1, 1, 1}, new byte[1]);
        DatasetException e = assertThrows(DatasetException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains("bad IDX magic number 0x00000903"), e.getMessage());
        byte[] gz = TestFiles.gzip(TestFiles.idxLabels(3));
        assertThrows(DatasetException.class, () -> read(gz), "a still-compressed file is not IDX");
    }

    @Test
    void rejectsTruncatedData() {
        byte[] full = TestFiles.idxImages(5, 4, 4);
        byte[] cut = Arrays.copyOf(full, full.length - 10);
        DatasetException e = assertThrows(DatasetException.class, () -> read(cut));
        assertTrue(e.getMessage().contains("truncated IDX file"), e.getMessage());
        assertTrue(e.getMessage().contains("70 present"), e.getMessage());
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] cut = Arrays.copyOf(TestFiles.idxImages(5, 4, 4), 9);
        DatasetException e = assertThrows(DatasetException.class, () -> read(cut));
        assertTrue(e.getMessage().contains("truncated IDX header"), e.getMessage());
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] full = TestFiles.idxLabels(5);
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        DatasetException e = assertThrows(DatasetException.class, () -> read(longer));
        assertTrue(e.getMessage().contains("bytes after"), e.getMessage());
    }

    @Test
    void hugeClaimedSizeFailsFastWithoutAllocatingIt() {
        byte[] liar = TestFiles.idx(0x00000803, new int[] {1_000_000, 1000, 1000}, new byte[4]);
        DatasetException e = assertThrows(DatasetException.class, () -> read(liar));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        // within the limit but far larger than the bytes present: truncated, and readNBytes never
        // allocates the claimed 1.9 GB up front
        byte[] liar2 = TestFiles.idx(0x00000803, new int[] {2_000, 1000, 1000}, new byte[4]);
        DatasetException e2 = assertThrows(DatasetException.class, () -> read(liar2));
        assertTrue(e2.getMessage().contains("truncated"), e2.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        DatasetException e = assertThrows(DatasetException.class, () -> IdxImages.digits(
                read(TestFiles.idxImages(4, 2, 2)), read(TestFiles.idxLabels(5)), "x"));
        assertTrue(e.getMessage().contains("4 images but its label file holds 5 labels"), e.getMessage());
    }
}
