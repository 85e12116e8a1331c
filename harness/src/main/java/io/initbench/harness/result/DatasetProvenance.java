package io.initbench.harness.result;

/** A dataset file a result was computed on. {@code official} is false for accepted replicas. */
public record DatasetProvenance(String dataset, String file, String sha256, boolean official, String source,
                                String note) {
}
