package io.initbench.datasets.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.ImageSet;
import io.initbench.datasets.TestFiles;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CifarReaderTest {
    private static final int PER_BATCH = 20;
    private final CifarReader reader = new CifarReader(PER_BATCH);

    private CifarReader.Archive read(byte[] tarGz) {
        return reader.read(new ByteArrayInputStream(tarGz), "test.tar.gz");
    }

    @Test
    void readsAllBatchesInOrder() {
        CifarReader.Archive archive = read(TestFiles.cifarArchive(PER_BATCH));
        ImageSet train = archive.splits().train();
        ImageSet test = archive.splits().test();
        assertEquals(5 * PER_BATCH, train.count());
        assertEquals(PER_BATCH, test.count());
        assertEquals(3, train.channels());
        assertEquals(32, train.height());
        // batch 2 (offset 1), record 3: label (1 + 3) % 10 = 4; pixel p has value label + p + 1
        int i = PER_BATCH + 3;
        assertEquals(4, train.label(i));
        assertEquals(4 + 1, Byte.toUnsignedInt(train.pixels()[i * 3072]));
        assertEquals((4 + 1025) & 0xFF, Byte.toUnsignedInt(train.pixels()[i * 3072 + 1024]), "first green byte");
        assertEquals(5, test.label(0));
        assertEquals("airplane", archive.classNames().get(0));
        assertEquals(10, archive.classNames().size());
    }

    @Test
    void missingBatchIsNamed() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String b : CifarReader.TRAIN_BATCHES) {
            entries.put(CifarReader.DIR + b, TestFiles.cifarBatch(PER_BATCH, 0));
        }
        DatasetException e = assertThrows(DatasetException.class, () -> read(TestFiles.tarGz(entries)));
        assertTrue(e.getMessage().contains("lacks [cifar-10-batches-bin/test_batch.bin]"), e.getMessage());
    }

    @Test
    void wrongRecordCountIsRejected() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String b : CifarReader.TRAIN_BATCHES) {
            entries.put(CifarReader.DIR + b, TestFiles.cifarBatch(PER_BATCH, 0));
        }
        entries.put(CifarReader.DIR + CifarReader.TEST_BATCH, TestFiles.cifarBatch(PER_BATCH - 1, 0));
        DatasetException e = assertThrows(DatasetException.class, () -> read(TestFiles.tarGz(entries)));
        assertTrue(e.getMessage().contains("expected " + PER_BATCH * 3073), e.getMessage());
    }

    @Test
    void truncatedArchiveIsRejected() {
        byte[] full = TestFiles.cifarArchive(PER_BATCH);
        byte[] cut = Arrays.copyOf(full, full.length / 2);
        DatasetException e = assertThrows(DatasetException.class, () -> read(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void notGzipIsRejected() {
        DatasetException e = assertThrows(DatasetException.class, () -> read("plain text".getBytes()));
        assertTrue(e.getMessage().contains("corrupt or truncated tar.gz"), e.getMessage());
    }

    @Test
    void badLabelIsRejected() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String b : CifarReader.TRAIN_BATCHES) {
            entries.put(CifarReader.DIR + b, TestFiles.cifarBatch(PER_BATCH, 0));
        }
        byte[] test = TestFiles.cifarBatch(PER_BATCH, 0);
        test[3073 * 2] = 10;
        entries.put(CifarReader.DIR + CifarReader.TEST_BATCH, test);
        DatasetException e = assertThrows(DatasetException.class, () -> read(TestFiles.tarGz(entries)));
        assertTrue(e.getMessage().contains("record 2 has label 10"), e.getMessage());
    }
}
