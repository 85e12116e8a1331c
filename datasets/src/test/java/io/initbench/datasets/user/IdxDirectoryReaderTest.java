package io.initbench.datasets.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.DatasetRef;
import io.initbench.datasets.LoadedDataset;
import io.initbench.datasets.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDirectoryReaderTest {
    @TempDir
    Path tmp;

    private void write(String name, byte[] content, boolean gzip) throws IOException {
        Files.write(tmp.resolve(gzip ? name + ".gz" : name), gzip ? TestFiles.gzip(content) : content);
    }

    private static byte[] labels(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return TestFiles.idx(0x00000801, new int[] {values.length}, data);
    }

    @Test
    void readsPlainAndGzippedFilesWithClassesFromTheLabels() throws IOException {
        write("train-images-idx3-ubyte", TestFiles.idxImages(6, 4, 5), true);
        write("train-labels-idx1-ubyte", labels(0, 1, 2, 0, 1, 2), false);
        write("t10k-images-idx3-ubyte", TestFiles.idxImages(3, 4, 5), false);
        write("t10k-labels-idx1-ubyte", labels(2, 1, 0), true);
        LoadedDataset d = IdxDirectoryReader.load((DatasetRef.IdxDirectory) DatasetRef.parse("idx:" + tmp));
        assertEquals(6, d.splits().train().count());
        assertEquals(3, d.splits().test().count());
        assertEquals(3, d.shape().classes());
        assertEquals(4, d.shape().height());
        assertEquals(5, d.shape().width());
        assertEquals(4, d.files().size());
        assertTrue(d.files().stream().allMatch(f -> f.sha256().length() == 64));
        assertEquals(2, d.splits().test().label(0));
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        write("train-images-idx3-ubyte", TestFiles.idxImages(2, 4, 4), false);
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxDirectoryReader.load(new DatasetRef.IdxDirectory(tmp.toString())));
        assertTrue(e.getMessage().contains("no train-labels-idx1-ubyte"), e.getMessage());
    }
}
