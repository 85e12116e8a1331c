package io.initbench.datasets.format;

import io.initbench.datasets.DatasetException;
import io.initbench.datasets.ImageSet;
import io.initbench.datasets.Splits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * CIFAR-10 "binary version": a tar.gz holding {@code cifar-10-batches-bin/data_batch_1..5.bin} and
 * {@code test_batch.bin}, each a run of 3073-byte records (1 label byte, then 1024 red, 1024 green,
 * 1024 blue bytes, row-major 32×32). Read straight from the archive stream, nothing extracted.
 */
public final class CifarReader {
    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    public static final int CLASSES = 10;
    public static final int RECORD_BYTES = 1 + CHANNELS * SIDE * SIDE;
    public static final int OFFICIAL_RECORDS_PER_BATCH = 10_000;
    public static final String DIR = "cifar-10-batches-bin/";
    public static final List<String> TRAIN_BATCHES =
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_BATCH = "test_batch.bin";

    private final int recordsPerBatch;

    /** @param recordsPerBatch 10,000 in the official archive; tests build smaller ones */
    public CifarReader(int recordsPerBatch) {
        this.recordsPerBatch = recordsPerBatch;
    }

    public CifarReader() {
        this(OFFICIAL_RECORDS_PER_BATCH);
    }

    /** Parsed archive: the splits plus the class names from {@code batches.meta.txt} (empty if absent). */
    public record Archive(Splits splits, List<String> classNames) {
    }

    public Archive read(InputStream tarGz, String source) {
        Map<String, byte[]> batches = new LinkedHashMap<>();
        List<String> classNames = List.of();
        long expectedSize = (long) recordsPerBatch * RECORD_BYTES;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(tarGz))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.startsWith(DIR) || entry.isDirectory()) {
                    continue;
                }
                String file = name.substring(DIR.length());
                if (file.equals("batches.meta.txt")) {
                    classNames = new String(tar.readNBytes(4096), StandardCharsets.US_ASCII).lines()
                            .map(String::trim).filter(s -> !s.isEmpty()).toList();
                } else if (TRAIN_BATCHES.contains(file) || file.equals(TEST_BATCH)) {
                    if (entry.getSize() != expectedSize) {
                        throw new DatasetException(source + ": " + name + " has " + entry.getSize() + " bytes, expected "
                                + expectedSize + " (" + recordsPerBatch + " records of " + RECORD_BYTES
                                + " bytes); the archive is not CIFAR-10 binary or is corrupt");
                    }
                    byte[] data = tar.readNBytes((int) expectedSize);
                    if (data.length != expectedSize) {
                        throw new DatasetException(source + ": " + name + " is truncated (" + data.length + " of "
                                + expectedSize + " bytes); delete the archive so it is fetched again");
                    }
                    batches.put(file, data);
                }
            }
        } catch (IOException e) {
            throw new DatasetException(source + ": corrupt or truncated tar.gz (" + e.getMessage()
                    + "); delete it so it is fetched again", e);
        }
        List<String> missing = new ArrayList<>();
        for (String f : TRAIN_BATCHES) {
            if (!batches.containsKey(f)) {
                missing.add(DIR + f);
            }
        }
        if (!batches.containsKey(TEST_BATCH)) {
            missing.add(DIR + TEST_BATCH);
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(source + ": archive lacks " + missing
                    + "; it is not the CIFAR-10 binary version (cifar-10-binary.tar.gz)");
        }
        List<byte[]> train = TRAIN_BATCHES.stream().map(batches::get).toList();
        return new Archive(new Splits(decode(train, source), decode(List.of(batches.get(TEST_BATCH)), source)), classNames);
    }

    private ImageSet decode(List<byte[]> files, String source) {
        int n = files.size() * recordsPerBatch;
        int d = CHANNELS * SIDE * SIDE;
        byte[] pixels = new byte[n * d];
        byte[] labels = new byte[n];
        int i = 0;
        for (byte[] file : files) {
            for (int r = 0; r < recordsPerBatch; r++, i++) {
                int off = r * RECORD_BYTES;
                int label = Byte.toUnsignedInt(file[off]);
                if (label >= CLASSES) {
                    throw new DatasetException(source + ": record " + i + " has label " + label
                            + ", CIFAR-10 labels are 0..9; the archive is corrupt");
                }
                labels[i] = file[off];
                System.arraycopy(file, off + 1, pixels, i * d, d);
            }
        }
        return new ImageSet(n, CHANNELS, SIDE, SIDE, CLASSES, pixels, labels);
    }
}
