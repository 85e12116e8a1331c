package io.initbench.datasets.fetch;

import java.nio.file.Path;

/**
 * A dataset file that is on disk, complete, and either matches its published checksum
 * ({@code official}) or was accepted under {@link VerifyPolicy#WARN}. {@code sha256} is of the file
 * as stored, whatever the published checksum covers: it is what results record.
 */
public record VerifiedFile(String name, Path path, String source, String sha256, boolean official, String note) {
}
