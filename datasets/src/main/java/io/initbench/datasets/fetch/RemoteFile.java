package io.initbench.datasets.fetch;

import java.net.URI;
import java.util.List;

/**
 * One file of a dataset: its official name, where it officially lives (first URL = official host,
 * the rest = well-known fallback mirrors, tried in order) and its published checksum.
 *
 * @param group    the dataset's folder name, both in the cache and in an offline mirror
 * @param maxBytes the most bytes any copy of the file can have (its content plus compression overhead):
 *                 a fetch stops there, so a source that never ends (a link to /dev/zero) cannot fill the disk
 */
public record RemoteFile(String group, String name, List<URI> urls, Checksum checksum, long maxBytes) {
    public RemoteFile {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(name + " has no download URL");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException(name + ": maxBytes must be positive");
        }
    }

    /** A file of unknown size. */
    public RemoteFile(String group, String name, List<URI> urls, Checksum checksum) {
        this(group, name, urls, checksum, Long.MAX_VALUE);
    }
}
