package io.initbench.datasets;

import io.initbench.datasets.fetch.VerifiedFile;
import java.util.List;

/**
 * A dataset in memory together with the files it came from: their SHA-256 and whether each matched
 * its published checksum go into the provenance of every result computed on it.
 */
public record LoadedDataset(DatasetId id, Splits splits, List<VerifiedFile> files, List<String> classNames) {
    public LoadedDataset {
        files = List.copyOf(files);
        classNames = List.copyOf(classNames);
    }

    /** True when every file matched its published checksum. */
    public boolean official() {
        return files.stream().allMatch(VerifiedFile::official);
    }
}
