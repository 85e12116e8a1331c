package io.initbench.harness.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.initbench.harness.spec.SuiteSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run directory's description of itself: {@link RunStore#SUITE} (the suite exactly as run) and
 * {@link RunStore#METADATA} (its provenance), written once when the directory is set up and read by
 * every command.
 */
final class RunMetadata {
    private RunMetadata() {
    }

    /**
     * Writes the suite (always: a resume was checked to run the same one) and the provenance (only when
     * none is there: a resumed run keeps the metadata it was started with).
     */
    static void write(Path dir, SuiteSpec suite, Provenance provenance) throws IOException {
        ObjectMapper json = ResultJson.mapper();
        RunFiles.writeAtomically(dir.resolve(RunStore.SUITE), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(suite));
        if (!Files.exists(dir.resolve(RunStore.METADATA))) {
            RunFiles.writeAtomically(dir.resolve(RunStore.METADATA),
                    json.writerWithDefaultPrettyPrinter().writeValueAsBytes(provenance));
        }
    }

    /** The suite a run directory was made with. */
    static SuiteSpec readSuite(Path dir) throws IOException {
        Path file = dir.resolve(RunStore.SUITE);
        if (!Files.exists(file)) {
            throw new IOException(dir + " is not an initbench run directory: it has no " + RunStore.SUITE);
        }
        try {
            ObjectMapper json = ResultJson.mapper();
            JsonNode tree = json.readTree(RunFiles.readBounded(file, RunStore.MAX_SMALL_FILE_BYTES));
            return json.treeToValue(RecordMigration.suite(tree), SuiteSpec.class);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The provenance a run directory was started with. */
    static Provenance readProvenance(Path dir) throws IOException {
        Path file = dir.resolve(RunStore.METADATA);
        if (!Files.exists(file)) {
            throw new IOException(dir + " is not an initbench run directory: it has no " + RunStore.METADATA);
        }
        try {
            return ResultJson.mapper().readValue(RunFiles.readBounded(file, RunStore.MAX_SMALL_FILE_BYTES),
                    Provenance.class);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
