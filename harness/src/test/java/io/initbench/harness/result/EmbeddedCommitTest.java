package io.initbench.harness.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit the build embeds names the code outside a checkout, and its dirty flag survives. */
class EmbeddedCommitTest {
    private static Properties props(String commit, String dirty) {
        Properties p = new Properties();
        p.setProperty("git.commit.id.full", commit);
        p.setProperty("git.dirty", dirty);
        return p;
    }

    @Test
    void readsTheCommitAndDirtyFlagOfTheBuild() {
        String id = "0123456789abcdef0123456789abcdef01234567";
        assertEquals(Optional.of(new ProvenanceCollector.Commit(id, true)),
                ProvenanceCollector.embedded(props(id, "true")));
        assertEquals(Optional.of(new ProvenanceCollector.Commit(id, false)),
                ProvenanceCollector.embedded(props(id, "false")));
        // a build without git writes no commit (or git's error text): the checkout is asked instead
        assertEquals(Optional.empty(), ProvenanceCollector.embedded(props("", "false")));
        assertEquals(Optional.empty(), ProvenanceCollector.embedded(props("fatal: not a git repository", "false")));
        assertEquals(Optional.empty(), ProvenanceCollector.embedded(new Properties()));
    }

    @Test
    void outsideACheckoutTheRunRecordsTheBuildsCommit(@TempDir Path notACheckout) throws Exception {
        Properties built = new Properties();
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream(ProvenanceCollector.GIT_PROPERTIES)) {
            assertNotNull(in, "the build did not write " + ProvenanceCollector.GIT_PROPERTIES);
            built.load(in);
        }
        String id = built.getProperty("git.commit.id.full");
        assertTrue(id.matches("[0-9a-f]{40}"), "built from a git checkout, the build names its commit: " + id);
        assertFalse(Files.exists(notACheckout.resolve(".git")));
        ProvenanceCollector.Commit c = ProvenanceCollector.commit(notACheckout);
        assertEquals(id, c.id());
        assertEquals(Boolean.parseBoolean(built.getProperty("git.dirty")), c.dirty());
        assertEquals(id, ProvenanceCollector.gitCommit(notACheckout));
        // the commit is one of this repository's
        Process p = new ProcessBuilder("git", "cat-file", "-e", id + "^{commit}").directory(Path.of("..").toFile())
                .start();
        assertEquals(0, p.waitFor(), id + " is not a commit of this repository");
    }
}
