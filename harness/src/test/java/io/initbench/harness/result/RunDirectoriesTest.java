package io.initbench.harness.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-directory service's locking and clean-up, without training anything. */
class RunDirectoriesTest {
    @TempDir
    Path tmp;

    @Test
    void badInputFoundUnderTheLockLeavesNoNewDirectoryBehind() {
        Path dir = tmp.resolve("results/suite/run");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunDirectories.locked(dir, "run into", lock -> {
                    assertTrue(Files.exists(dir.resolve(RunLock.FILE)), "locked while working");
                    throw new IllegalArgumentException("bad suite");
                }));
        assertEquals("bad suite", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("results")), "every directory the call created is gone");
    }

    @Test
    void aDirectoryThatHoldsMoreThanTheLockOrExistedBeforeIsKept() throws Exception {
        Path written = tmp.resolve("a/run");
        assertThrows(IOException.class, () -> RunDirectories.locked(written, "run into", lock -> {
            Files.writeString(written.resolve(RunStore.CELLS), "{}\n");
            throw new IOException("disk full");
        }));
        assertTrue(Files.exists(written.resolve(RunStore.CELLS)), "a record is never deleted");

        Path existing = Files.createDirectories(tmp.resolve("b/run"));
        assertThrows(IllegalStateException.class, () -> RunDirectories.locked(existing, "run into", lock -> {
            throw new IllegalStateException("bug");
        }));
        assertTrue(Files.isDirectory(existing), "not ours to remove");
    }

    @Test
    void theWorksValueComesBackAndTheLockIsReleased() throws Exception {
        Path dir = tmp.resolve("run");
        int value = RunDirectories.locked(dir, "run into", lock -> 42);
        assertEquals(42, value);
        // released: a second command may take it, and it is empty again after a clean finish
        String previous = RunDirectories.locked(dir, "merge into", RunLock::previousHolder);
        assertEquals("", previous);
    }

    @Test
    void aLockHeldByAnotherCommandIsRefusedAndNothingIsRemoved() throws Exception {
        Path dir = tmp.resolve("new/run");
        RunDirectories.locked(dir, "run into", outer -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RunDirectories.locked(dir, "merge into", inner -> null));
            assertTrue(e.getMessage().contains("cannot merge into " + dir), e.getMessage());
            assertTrue(Files.isDirectory(dir), "the holder's directory stays");
            return null;
        });
    }

    @Test
    void aMergeTargetThatHoldsResultsIsRefusedBeforeAnyInputIsRead() throws IOException {
        Files.createDirectories(tmp.resolve("merged"));
        Files.writeString(tmp.resolve("merged").resolve(RunStore.CELLS), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunDirectories.collectShards(
                tmp.resolve("merged"), List.of(tmp.resolve("no-such-shard")), false, (s, r) -> List.of(), n -> { }));
        assertTrue(e.getMessage().contains("already holds results"), e.getMessage());
    }

    @Test
    void runIdsSortByStartTime() {
        String a = RunDirectories.runId(Instant.parse("2026-11-23T09:59:59Z"), tmp);
        String b = RunDirectories.runId(Instant.parse("2026-11-23T10:00:00Z"), tmp);
        assertTrue(a.startsWith("20261123T095959Z-"), a);
        assertTrue(a.compareTo(b) < 0, a + " " + b);
    }
}
