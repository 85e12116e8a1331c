package io.initbench.datasets.fetch;

import java.net.URI;
import java.util.List;

/**
 * One file of a dataset: its official name, where it officially lives (first URL = official host,
 * the rest = well-known fallback mirrors, tried in order) and its published checksum.
 *
 * @param group the dataset's folder name, both in the cache and in an offline mirror
 */
public record RemoteFile(String group, String name, List<URI> urls, Checksum checksum) {
    public RemoteFile {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(name + " has no download URL");
        }
    }
}
