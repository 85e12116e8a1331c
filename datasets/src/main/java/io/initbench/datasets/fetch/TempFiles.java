package io.initbench.datasets.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Temporary files for atomic writes (write, then rename over the target) that end up with the mode a
 * plain new file gets: 0666 less the process umask, so 0644 under the usual umask 022.
 * {@link Files#createTempFile} creates 0600 files, and the rename keeps that mode, which would hide
 * reports and dataset caches from a web server or another user on a shared machine. Java cannot read
 * the umask; creating the file with {@link Files#newOutputStream} applies it.
 */
public final class TempFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TempFiles() {
    }

    /** Creates a new empty file {@code <prefix><random><suffix>} in {@code dir}. */
    public static Path create(Path dir, String prefix, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong()) + suffix);
            try (OutputStream ignored = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                return p;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }
}
