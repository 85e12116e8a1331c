package io.initbench.harness.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on a run directory, held by one process for as long as it writes there (a run, a
 * merge, a report rewrite). It is an OS file lock ({@link FileChannel#tryLock}) on {@value #FILE}, which
 * the OS releases when the holder dies however it dies, so a lock left by a killed process is simply
 * taken: the holder's pid, host and start time written into the file only serve the error message. A
 * holder that finishes deletes the file, so a report rewritten in a checkout leaves nothing untracked.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".initbench.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String previous;

    private RunLock(Path file, FileChannel channel, FileLock lock, String previous) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Locks {@code dir} (created if missing) for this process or refuses at once.
     *
     * @param what what the caller is about to do, for the error message ("run", "merge into", ...)
     * @throws IllegalArgumentException when another process (or another command in this JVM) holds it
     * @throws UncheckedIOException     when the directory cannot be created or the lock file written
     */
    public static RunLock acquire(Path dir, String what) {
        // the holder deletes the file when it lets go: a lock taken on a file just deleted is no lock, so
        // take it again on the file the path names now (a few tries: each loses only to a holder that let go)
        for (int attempt = 0; ; attempt++) {
            RunLock lock = tryAcquire(dir, what);
            if (lock != null || attempt >= 20) {
                if (lock == null) {
                    throw new IllegalArgumentException("cannot " + what + " " + dir + ": its lock file kept changing"
                            + " hands; are many initbench processes starting there at once? Try again");
                }
                return lock;
            }
        }
    }

    /** Null when the file was replaced between opening and locking it. */
    private static RunLock tryAcquire(Path dir, String what) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            Object before;
            try {
                Files.createFile(file);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // a holder's, or one left by a process that died: the lock decides
            }
            try {
                // which file the path names, by stat (never by opening it: closing a second descriptor of the
                // file would drop this process's POSIX lock on it)
                before = fileKey(file);
                ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (java.nio.file.NoSuchFileException e) {
                return null; // deleted by a holder that let go in between
            }
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already
            }
            String holder = read(ch).strip();
            if (lock == null) {
                ch.close();
                throw new IllegalArgumentException("cannot " + what + " " + dir + ": the directory is in use by another"
                        + " initbench process (" + (holder.isEmpty() ? "holder unknown" : holder.replace('\n', ' '))
                        + "). Wait for it to finish, or pass another -Dout=");
            }
            ch.truncate(0);
            String mine = "pid=" + ProcessHandle.current().pid() + "\nhost=" + host() + "\nstarted="
                    + Instant.now() + "\ncommand=" + what + "\n";
            ch.write(ByteBuffer.wrap(mine.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            // the path must still name the file we locked: a holder deletes it when it lets go
            Object after;
            try {
                after = fileKey(file);
            } catch (java.nio.file.NoSuchFileException e) {
                after = null;
            }
            if (before == null || !before.equals(after)) {
                lock.release();
                ch.close();
                return null;
            }
            return new RunLock(file, ch, lock, holder);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot write results to " + dir.toAbsolutePath() + " (cannot create or lock "
                    + FILE + ": " + e.getMessage() + "); pass -Dout=<writable directory on a local file system>", e);
        }
    }

    /**
     * What the lock file said when this process took it: the pid/host/start of a holder that died
     * without releasing it (killed, out of memory, power loss), or empty after a clean finish.
     */
    public String previousHolder() {
        return previous;
    }

    /** The file's identity (device and inode on Linux), read without opening it. */
    private static Object fileKey(Path file) throws IOException {
        Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        // without file keys (some file systems) fall back to the creation time, which a re-created file changes
        return key != null ? key : Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                .creationTime();
    }

    private static String read(FileChannel ch) throws IOException {
        long size = Math.min(ch.size(), 4096);
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // keep reading until the small file is in
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
        }
    }

    /**
     * Deletes the file while still holding the lock (a clean finish leaves nothing behind in the directory,
     * nor a holder in the file) and releases the lock.
     */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            Files.deleteIfExists(file);
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock anyway
        } finally {
            closeQuietly(channel);
        }
    }
}
