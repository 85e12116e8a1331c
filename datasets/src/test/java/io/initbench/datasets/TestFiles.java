package io.initbench.datasets;

import io.initbench.datasets.format.CifarReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds small files in the official IDX and CIFAR-10 binary formats. */
public final class TestFiles {
    private TestFiles() {
    }

    public static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bos.toByteArray();
    }

    /** n images of rows×cols where pixel value = (image index * 7 + position) mod 256. */
    public static byte[] idxImages(int n, int rows, int cols) {
        byte[] data = new byte[n * rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((i / (rows * cols)) * 7 + i % (rows * cols));
        }
        return idx(0x00000803, new int[] {n, rows, cols}, data);
    }

    /** labels i mod 10. */
    public static byte[] idxLabels(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i % 10);
        }
        return idx(0x00000801, new int[] {n}, data);
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bos.toByteArray();
    }

    /** One CIFAR batch of n records: label = (offset + r) mod 10, pixels = label + position. */
    public static byte[] cifarBatch(int n, int offset) {
        byte[] b = new byte[n * CifarReader.RECORD_BYTES];
        for (int r = 0; r < n; r++) {
            int label = (offset + r) % 10;
            b[r * CifarReader.RECORD_BYTES] = (byte) label;
            for (int p = 1; p < CifarReader.RECORD_BYTES; p++) {
                b[r * CifarReader.RECORD_BYTES + p] = (byte) (label + p);
            }
        }
        return b;
    }

    /** A tar.gz of the given entries (names relative to the archive root). */
    public static byte[] tarGz(Map<String, byte[]> entries) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bos))) {
            for (var e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bos.toByteArray();
    }

    /** A well-formed CIFAR-10 binary archive with {@code perBatch} records per batch file. */
    public static byte[] cifarArchive(int perBatch) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put(CifarReader.DIR + "batches.meta.txt", "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n".getBytes());
        for (int i = 0; i < CifarReader.TRAIN_BATCHES.size(); i++) {
            entries.put(CifarReader.DIR + CifarReader.TRAIN_BATCHES.get(i), cifarBatch(perBatch, i));
        }
        entries.put(CifarReader.DIR + CifarReader.TEST_BATCH, cifarBatch(perBatch, 5));
        return tarGz(entries);
    }
}
