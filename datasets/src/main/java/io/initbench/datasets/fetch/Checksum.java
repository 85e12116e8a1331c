package io.initbench.datasets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A published checksum and what it covers. MNIST's official values are of the decompressed IDX
 * content (gzip containers get re-made by mirrors; the content does not), CIFAR-10's is the MD5 of
 * the archive itself.
 */
public record Checksum(Algorithm algorithm, Scope scope, String hex) {

    public enum Algorithm {
        SHA256("SHA-256"), MD5("MD5");

        final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }
    }

    /** What bytes the digest is taken over. */
    public enum Scope {
        /** the file as stored */
        FILE,
        /** the file's content after gunzip */
        GUNZIPPED
    }

    public Checksum {
        hex = hex.toLowerCase(Locale.ROOT);
        int expectedLength = algorithm == Algorithm.SHA256 ? 64 : 32;
        if (hex.length() != expectedLength || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new IllegalArgumentException("not a " + algorithm + " hex digest: " + hex);
        }
    }

    public static Checksum sha256OfGunzipped(String hex) {
        return new Checksum(Algorithm.SHA256, Scope.GUNZIPPED, hex);
    }

    public static Checksum md5OfFile(String hex) {
        return new Checksum(Algorithm.MD5, Scope.FILE, hex);
    }

    /** The digest of {@code file} computed the way this checksum is defined. */
    public String compute(Path file) throws IOException {
        if (scope == Scope.GUNZIPPED) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                return digest(algorithm, in);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return digest(algorithm, in);
        }
    }

    public boolean matches(Path file) throws IOException {
        return hex.equals(compute(file));
    }

    /** SHA-256 of a file's stored bytes: the identity recorded in every result's provenance. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(Algorithm.SHA256, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String digest(Algorithm algorithm, InputStream in) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm.jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM lacks " + algorithm.jcaName, e);
        }
        try (DigestInputStream din = new DigestInputStream(in, md)) {
            byte[] buf = new byte[1 << 16];
            while (din.read(buf) >= 0) {
                // digest accumulates as we read
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public String toString() {
        return algorithm + (scope == Scope.GUNZIPPED ? " of gunzipped content " : " ") + hex;
    }
}
