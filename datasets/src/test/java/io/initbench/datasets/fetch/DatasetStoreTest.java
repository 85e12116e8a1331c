package io.initbench.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.initbench.datasets.DatasetException;
import io.initbench.datasets.TestFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {
    @TempDir
    Path tmp;

    private final byte[] content = TestFiles.idxLabels(50);
    private final byte[] gz = TestFiles.gzip(content);

    private RemoteFile remote(String sha256OfContent) {
        return new RemoteFile("mnist", "labels.gz", List.of(URI.create("https://unreachable.invalid/labels.gz")),
                Checksum.sha256OfGunzipped(sha256OfContent));
    }

    private String contentSha() throws IOException {
        Path f = tmp.resolve("plain");
        Files.write(f, content);
        return Checksum.sha256(f);
    }

    private Mirror mirrorWith(byte[] bytes) throws IOException {
        Path dir = tmp.resolve("mirror/mnist");
        Files.createDirectories(dir);
        Files.write(dir.resolve("labels.gz"), bytes);
        return Mirror.parse(tmp.resolve("mirror").toString());
    }

    private DatasetStore store(Mirror mirror, VerifyPolicy policy) {
        return new DatasetStore(tmp.resolve("cache"), mirror, policy, new Downloader(Duration.ofSeconds(2), false));
    }

    @Test
    void fetchesFromMirrorVerifiesAndCaches() throws IOException {
        DatasetStore store = store(mirrorWith(gz), VerifyPolicy.STRICT);
        VerifiedFile f = store.ensure(remote(contentSha()));
        assertTrue(f.official());
        assertArrayEquals(gz, Files.readAllBytes(f.path()));
        assertEquals(tmp.resolve("cache/mnist/labels.gz"), f.path());
        VerifiedFile again = store.ensure(remote(contentSha()));
        assertEquals("cache", again.source());
        assertEquals(f.sha256(), again.sha256());
    }

    @Test
    void corruptCachedFileIsReplacedNotParsed() throws IOException {
        DatasetStore store = store(mirrorWith(gz), VerifyPolicy.STRICT);
        Path cached = tmp.resolve("cache/mnist/labels.gz");
        Files.createDirectories(cached.getParent());
        Files.write(cached, java.util.Arrays.copyOf(gz, gz.length / 2));
        VerifiedFile f = store.ensure(remote(contentSha()));
        assertTrue(f.official());
        assertArrayEquals(gz, Files.readAllBytes(cached));
    }

    @Test
    void checksumMismatchIsRejectedUnderStrict() throws IOException {
        DatasetStore store = store(mirrorWith(gz), VerifyPolicy.STRICT);
        String wrong = "0".repeat(64);
        DatasetException e = assertThrows(DatasetException.class, () -> store.ensure(remote(wrong)));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains("-Ddatasets.verify=warn"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache/mnist/labels.gz")), "rejected file must not stay in the cache");
        assertNoPartFiles();
    }

    @Test
    void checksumMismatchIsAcceptedAndFlaggedUnderWarn() throws IOException {
        DatasetStore store = store(mirrorWith(gz), VerifyPolicy.WARN);
        VerifiedFile f = store.ensure(remote("0".repeat(64)));
        assertFalse(f.official());
        assertTrue(f.note().contains("NOT the official file"), f.note());
        assertEquals(Checksum.sha256(f.path()), f.sha256());
    }

    @Test
    void corruptGzipIsRejectedEvenUnderWarn() throws IOException {
        DatasetStore store = store(mirrorWith(java.util.Arrays.copyOf(gz, gz.length - 8)), VerifyPolicy.WARN);
        DatasetException e = assertThrows(DatasetException.class, () -> store.ensure(remote(contentSha())));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertNoPartFiles();
    }

    @Test
    void downloadThatStopsHalfwayLeavesNoFile() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, gz.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(gz, 0, gz.length / 2);
            } catch (IOException ignored) {
                // the client sees a short body either way
            }
        });
        server.start();
        try {
            Mirror mirror = Mirror.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            DatasetStore store = store(mirror, VerifyPolicy.WARN);
            DatasetException e = assertThrows(DatasetException.class, () -> store.ensure(remote(contentSha())));
            assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("cache/mnist/labels.gz")));
            assertNoPartFiles();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void missingMirrorDirectoryIsAClearError() {
        DatasetException e = assertThrows(DatasetException.class, () -> Mirror.parse(tmp.resolve("nope").toString()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("-Ddatasets.mirror="), e.getMessage());
    }

    private void assertNoPartFiles() throws IOException {
        Path dir = tmp.resolve("cache/mnist");
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".part")).toList());
            }
        }
    }
}
