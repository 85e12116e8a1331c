package io.initbench.datasets;

import io.initbench.datasets.fetch.VerifiedFile;
import java.util.List;

/**
 * A dataset in memory together with the files it came from: their SHA-256 and whether each matched
 * its published checksum go into the provenance of every result computed on it.
 */
public record LoadedDataset(DatasetRef dataset, Splits splits, List<VerifiedFile> files, List<String> classNames) {
    public LoadedDataset {
        files = List.copyOf(files);
        classNames = List.copyOf(classNames);
    }

    /** Shape and class count as read, which for user data is the only place they are known. */
    public DatasetShape shape() {
        ImageSet t = splits.train();
        return new DatasetShape(t.channels(), t.height(), t.width(), t.numClasses());
    }

    /** True when every file matched its published checksum. */
    public boolean official() {
        return files.stream().allMatch(VerifiedFile::official);
    }
}
