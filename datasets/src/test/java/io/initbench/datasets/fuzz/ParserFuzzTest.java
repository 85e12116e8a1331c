package io.initbench.datasets.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.initbench.datasets.DatasetException;
import io.initbench.datasets.format.CifarReader;
import io.initbench.datasets.format.IdxReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Fuzz targets for the dataset parsers. The only exception they may throw is {@link DatasetException}
 * (bad input, named); anything else escaping, a hang, or an OutOfMemoryError is a finding. Under
 * {@code mvn verify} they replay the seed corpus (src/test/resources/.../ParserFuzzTestInputs) and a
 * short fuzzing run ({@code JAZZER_FUZZ=1}, see the pom); the long run is documented in docs/manual/reliability.md.
 */
class ParserFuzzTest {
    /** Small limit so that a header claiming a huge size is refused, not allocated. */
    private static final long MAX_BYTES = 1 << 20;

    @FuzzTest(maxDuration = "20s")
    void idx(byte[] input) {
        try {
            IdxReader.IdxArray a = new IdxReader(MAX_BYTES).read(new ByteArrayInputStream(input), "fuzz");
            long size = 1;
            for (int d : a.dims()) {
                size *= d;
            }
            if (a.data().length != size) {
                throw new AssertionError("IDX data length " + a.data().length + " does not match dims " + size);
            }
        } catch (DatasetException expected) {
            // documented: bad magic, negative or huge dimension, truncated, trailing bytes
        }
    }

    /** The input is the tar; it is gzipped here so that the fuzzer explores tar and records, not gzip headers. */
    @FuzzTest(maxDuration = "20s")
    void cifar(byte[] tar) {
        try {
            CifarReader.Archive a = new CifarReader(1).read(new ByteArrayInputStream(gzip(tar)), "fuzz");
            if (a.splits().train().count() != 5 || a.splits().test().count() != 1) {
                throw new AssertionError("a CIFAR archive of 1 record per batch parsed to "
                        + a.splits().train().count() + "/" + a.splits().test().count() + " images");
            }
        } catch (DatasetException expected) {
            // documented: not gzip/tar, missing batch, wrong size, truncated, bad label
        }
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
