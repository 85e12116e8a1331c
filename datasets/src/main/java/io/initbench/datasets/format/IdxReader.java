package io.initbench.datasets.format;

import io.initbench.datasets.DatasetException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The IDX format (LeCun's MNIST files): magic {@code 0x00 0x00 <type> <ndims>}, then {@code ndims}
 * big-endian int32 sizes, then the data. Only unsigned-byte data (type 0x08) is accepted, which is
 * what MNIST uses.
 */
public final class IdxReader {
    public static final int TYPE_UNSIGNED_BYTE = 0x08;

    /** Parsed IDX content. */
    public record IdxArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    private final long maxBytes;

    /** @param maxBytes largest data section accepted; guards against headers that claim absurd sizes */
    public IdxReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public IdxReader() {
        this(Integer.MAX_VALUE - 16);
    }

    public IdxArray read(InputStream raw, String source) {
        try {
            DataInputStream in = new DataInputStream(raw);
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xFF;
            int ndims = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != TYPE_UNSIGNED_BYTE || ndims == 0) {
                throw new DatasetException(source + ": bad IDX magic number 0x" + String.format("%08x", magic)
                        + " (expected 0x000008NN: unsigned bytes, NN dimensions); the file is not an IDX file or is corrupt");
            }
            int[] dims = new int[ndims];
            long size = 1;
            for (int i = 0; i < ndims; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new DatasetException(source + ": IDX dimension " + i + " is negative (" + dims[i] + ")");
                }
                size *= dims[i];
                if (size > maxBytes) {
                    throw new DatasetException(source + ": IDX header claims " + Arrays.toString(Arrays.copyOf(dims, i + 1))
                            + "..., more than the " + maxBytes + "-byte limit; the file is corrupt");
                }
            }
            // readNBytes grows its buffer as bytes arrive, so a short file never costs the claimed size
            byte[] data = in.readNBytes((int) size);
            if (data.length < size) {
                throw new DatasetException(source + ": truncated IDX file: header " + Arrays.toString(dims) + " declares "
                        + size + " data bytes, only " + data.length + " present; delete it so it is fetched again");
            }
            if (in.read() != -1) {
                throw new DatasetException(source + ": IDX file has bytes after the " + size + " declared by its header "
                        + Arrays.toString(dims) + "; the file is corrupt");
            }
            return new IdxArray(dims, data);
        } catch (EOFException e) {
            throw new DatasetException(source + ": truncated IDX header; the file is corrupt or empty", e);
        } catch (IOException e) {
            throw new DatasetException(source + ": cannot read IDX data (" + e.getMessage() + "); the file is corrupt", e);
        }
    }
}
