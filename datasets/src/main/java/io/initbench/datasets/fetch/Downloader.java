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
        log.info("fetching {} from {}{}", label, source, expected > 0 ? " (" + (expected >> 20) + " MiB)" : "");
        long written;
        try (InputStream raw = conn.getInputStream();
             InputStream in = interactive ? wrap(raw, label, expected) : raw;
             OutputStream out = Files.newOutputStream(target)) {
            written = in.transferTo(out);
        }
        if (expected >= 0 && written != expected) {
            throw new IOException("incomplete download of " + source + ": got " + written + " of " + expected + " bytes");
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
