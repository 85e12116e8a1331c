package io.initbench.datasets.fetch;

import io.initbench.datasets.DatasetException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk cache of dataset files. {@link #ensure} returns a file that is complete and verified
 * (or knowingly accepted under {@link VerifyPolicy#WARN}); a cached file that fails its checksum is
 * treated as partial or corrupt, deleted and fetched again, never handed to a parser.
 *
 * <p>When a mirror is configured it replaces the official hosts entirely: a mirror exists for machines
 * that cannot reach them, and silently falling through to the internet would hide misconfiguration.
 */
public final class DatasetStore {
    private static final Logger log = LoggerFactory.getLogger(DatasetStore.class);

    private final Path cacheDir;
    private final Mirror mirror;
    private final VerifyPolicy policy;
    private final Downloader downloader;

    /** @param mirror null for the official hosts */
    public DatasetStore(Path cacheDir, Mirror mirror, VerifyPolicy policy, Downloader downloader) {
        this.cacheDir = cacheDir;
        this.mirror = mirror;
        this.policy = policy;
        this.downloader = downloader;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public List<URI> sourcesFor(RemoteFile file) {
        return mirror != null ? List.of(mirror.resolve(file)) : file.urls();
    }

    public synchronized VerifiedFile ensure(RemoteFile file) {
        Path dir = cacheDir.resolve(file.group());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatasetException("cannot create the dataset cache directory " + dir + " (" + e
                    + "); point -Ddatasets.dir= at a writable directory");
        }
        Path target = dir.resolve(file.name());
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // not the mirror's fault, and no download can replace it
            throw new DatasetException("the dataset cache holds a " + (Files.isDirectory(target) ? "directory" : "non-file")
                    + " where the file " + file.name() + " belongs: " + target + "; delete it, or point -Ddatasets.dir="
                    + " at another cache directory");
        }
        if (Files.isRegularFile(target)) {
            try {
                if (file.checksum().matches(target)) {
                    return new VerifiedFile(file.name(), target, "cache", Checksum.sha256(target), true, "");
                }
                log.warn("cached {} does not match its published checksum (partial or corrupt): fetching it again", target);
            } catch (IOException e) {
                log.warn("cached {} is unreadable or corrupt ({}): fetching it again", target, e.toString());
            }
            deleteQuietly(target);
        }
        List<String> failures = new ArrayList<>();
        for (URI source : sourcesFor(file)) {
            Path tmp = null;
            try {
                tmp = TempFiles.create(dir, file.name() + ".", ".part");
                downloader.download(source, tmp, file.name(), file.maxBytes());
                String actual;
                try {
                    actual = file.checksum().compute(tmp);
                } catch (IOException e) {
                    failures.add(source + ": the file is corrupt (" + e.getMessage() + ")");
                    continue;
                }
                if (actual.equals(file.checksum().hex())) {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return new VerifiedFile(file.name(), target, source.toString(), Checksum.sha256(target), true, "");
                }
                String mismatch = "checksum mismatch: expected " + file.checksum() + ", got " + actual;
                if (policy == VerifyPolicy.WARN) {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    String sha = Checksum.sha256(target);
                    String note = "NOT the official file (" + mismatch + "); accepted because datasets.verify=warn;"
                            + " stored SHA-256 " + sha;
                    log.warn("\n!!!!!!!!!!\n!!! {} from {} is {}\n!!! Results computed on it record this file's"
                            + " SHA-256 and cannot be compared with results on the official data.\n!!!!!!!!!!",
                            file.name(), source, note);
                    return new VerifiedFile(file.name(), target, source.toString(), sha, false, note);
                }
                failures.add(source + ": " + mismatch);
            } catch (AccessDeniedException e) {
                throw new DatasetException("cannot write into the dataset cache " + dir
                        + "; point -Ddatasets.dir= at a writable directory", e);
            } catch (IOException e) {
                failures.add(source + ": " + e);
            } finally {
                if (tmp != null) {
                    deleteQuietly(tmp);
                }
            }
        }
        throw new DatasetException("could not obtain a verified copy of " + file.group() + "/" + file.name() + ":\n  - "
                + String.join("\n  - ", failures) + "\nFix: " + advice(failures));
    }

    private String advice(List<String> failures) {
        boolean mismatchOnly = failures.stream().allMatch(f -> f.contains("checksum mismatch"));
        if (mismatchOnly) {
            return "the file is not the official one. If you know it is a replica (e.g. the CIFAR-10 copy in an"
                    + " offline mirror), pass -Ddatasets.verify=warn to use it; its SHA-256 is then recorded in"
                    + " every result.";
        }
        return mirror != null
                ? "check that the mirror " + mirror + " holds <dataset>/<file> with the official file names"
                : "check your network, or pass -Ddatasets.mirror=<directory or URL holding mnist/ and cifar10/>"
                        + " (or set INITBENCH_DATASETS_MIRROR)";
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", p, e.toString());
        }
    }
}
