package io.initbench.harness.result;

import io.initbench.datasets.fetch.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The byte-level rules for a run directory's files: every file is read whole, so it is read only when it
 * is a regular file of bounded size (a link to /dev/zero or a runaway file is refused before reading, not
 * left to die of OutOfMemoryError), and every file is written atomically so a reader never sees half of it.
 */
final class RunFiles {
    private RunFiles() {
    }

    /**
     * Reads a run file whole after checking that it is a regular file (a FIFO would block, a device never
     * end) of at most {@code maxBytes}.
     */
    static byte[] readBounded(Path file, long maxBytes) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file (a directory, device, FIFO or socket, or a link to"
                    + " one); a run directory holds only the files initbench wrote: replace it with the real file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException(file + " is " + size + " bytes, more than the " + maxBytes + " initbench reads from"
                    + " it; it is not a file initbench wrote (or the run is larger than supported): replace it, or"
                    + " split the run into shards (-Dshard=i/n)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // the size can grow between the check and the read (a file that is still written, a link swapped)
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8) + 1);
            if (bytes.length > maxBytes) {
                throw new IOException(file + " grew beyond " + maxBytes + " bytes while it was read; is another"
                        + " process writing it?");
            }
            return bytes;
        }
    }

    /** {@link #readBounded} as UTF-8 text; bytes that are no UTF-8 are corruption, named with their offset. */
    static String readText(Path file, long maxBytes) throws IOException {
        byte[] bytes = readBounded(file, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int at = firstMalformed(bytes);
            throw new IOException(file + " holds bytes that are not UTF-8 text (at byte " + at + " of "
                    + bytes.length + "); it is corrupt (a disk error, or written by something else): delete the"
                    + " damaged lines, or the file", e);
        }
    }

    private static int firstMalformed(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        for (int end = 1; end <= bytes.length; end++) {
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, 0, end));
            } catch (CharacterCodingException e) {
                if (e instanceof MalformedInputException m) {
                    return end - m.getInputLength();
                }
            }
        }
        return 0;
    }

    /**
     * Writes a file atomically (temp + rename in its directory, created if needed) so a reader never
     * sees half of it. The file gets a plain new file's mode (0644 under umask 022): readable by the
     * web server that serves a nightly box's reports.
     */
    static void writeAtomically(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = TempFiles.create(parent, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
