package io.initbench.datasets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one URL ({@code http:}, {@code https:} or {@code file:}) to a local file, refusing to call a
 * short read complete: when the source announces a length, fewer bytes is an error. The caller
 * downloads into a temporary name and renames only after verification, so a crash mid-download
 * never leaves something that looks like a finished file.
 */
public final class Downloader {
    private static final Logger log = LoggerFactory.getLogger(Downloader.class);

    private final Duration timeout;
    private final boolean interactive;

    /**
     * @param interactive draw a progress bar (a terminal is attached); otherwise log start and end only,
     *                    so that unattended logs stay readable
     */
    public Downloader(Duration timeout, boolean interactive) {
        this.timeout = timeout;
        this.interactive = interactive;
    }

    public static Downloader forConsole() {
        return new Downloader(Duration.ofSeconds(30), System.console() != null);
    }

    /** Returns the number of bytes written to {@code target}. */
    public long download(URI source, Path target, String label) throws IOException {
        return download(source, target, label, Long.MAX_VALUE);
    }

    /**
     * The same, stopping with an IOException once the source yields more than {@code maxBytes}: a file the
     * size of the disk is no copy of a dataset file.
     */
    public long download(URI source, Path target, String label, long maxBytes) throws IOException {
        if ("file".equals(source.getScheme()) && Files.exists(Path.of(source)) && !Files.isRegularFile(Path.of(source))) {
            throw new IOException(source + " is not a regular file (a directory, a device such as /dev/zero, or a link"
                    + " to one); put the real " + label + " there");
        }
        URLConnection conn = source.toURL().openConnection();
        conn.setConnectTimeout((int) timeout.toMillis());
        conn.setReadTimeout((int) timeout.toMillis());
        conn.setRequestProperty("User-Agent", "initbench");
        if (conn instanceof HttpURLConnection http) {
            http.setInstanceFollowRedirects(true);
            int code = http.getResponseCode();
            if (code / 100 != 2) {
                throw new IOException("HTTP " + code + " from " + source);
            }
        }
        long expected = conn.getContentLengthLong();
        log.info("fetching {} from {}{}", label, source, expected > 0 ? " (" + ByteSize.of(expected) + ")" : "");
        long written;
        try (InputStream raw = conn.getInputStream();
             InputStream in = interactive ? wrap(raw, label, expected) : raw;
             OutputStream out = Files.newOutputStream(target)) {
            written = copy(in, out, maxBytes);
        }
        if (written > maxBytes) {
            throw new IOException(source + " yields more than " + maxBytes + " bytes, more than any copy of " + label
                    + " can have; it is not that file: replace it with the real one");
        }
        if (expected >= 0 && written != expected) {
            throw new IOException("incomplete download of " + source + ": got " + written + " of " + expected + " bytes");
        }
        return written;
    }

    /** Copies up to {@code max + 1} bytes: one byte past the limit is enough to know the source is too long. */
    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[1 << 16];
        long written = 0;
        int n;
        while (written <= max && (n = in.read(buf, 0, max - written >= buf.length ? buf.length
                : (int) (max - written) + 1)) > 0) {
            out.write(buf, 0, n);
            written += n;
        }
        return written;
    }

    private static InputStream wrap(InputStream raw, String label, long expected) {
        ProgressBarBuilder pb = new ProgressBarBuilder().setTaskName(label).setStyle(ProgressBarStyle.ASCII)
                .setUnit("MiB", 1 << 20).showSpeed();
        if (expected > 0) {
            pb.setInitialMax(expected);
        }
        return ProgressBar.wrap(raw, pb);
    }
}
