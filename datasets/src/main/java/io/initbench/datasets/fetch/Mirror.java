package io.initbench.datasets.fetch;

import io.initbench.datasets.DatasetException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An offline or internal copy of the dataset hosts, laid out as {@code <base>/<group>/<official file
 * name>} (e.g. {@code mnist/train-images-idx3-ubyte.gz}, {@code cifar10/cifar-10-binary.tar.gz}).
 * The base is a local directory, a {@code file:} URI or an {@code http(s):} URL.
 */
public record Mirror(URI base) {

    public Mirror {
        String s = base.toString();
        if (!s.endsWith("/")) {
            base = URI.create(s + "/");
        }
    }

    /** Parses {@code -Ddatasets.mirror} / {@code INITBENCH_DATASETS_MIRROR}; a local directory must exist. */
    public static Mirror parse(String spec) {
        String s = spec.trim();
        if (s.startsWith("http://") || s.startsWith("https://") || s.startsWith("file:")) {
            try {
                URI uri = new URI(s);
                if ("file".equals(uri.getScheme()) && !Files.isDirectory(Path.of(uri))) {
                    throw new DatasetException("dataset mirror " + s + " is not a directory; pass -Ddatasets.mirror="
                            + "<directory holding mnist/ and cifar10/>");
                }
                return new Mirror(uri);
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new DatasetException("dataset mirror '" + s + "' is not a valid URL: " + e.getMessage());
            }
        }
        Path dir = Path.of(s).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("dataset mirror directory " + dir + " does not exist; pass -Ddatasets.mirror="
                    + "<directory holding mnist/ and cifar10/> (in this repo's CI: ../shared/datasets)");
        }
        return new Mirror(dir.toUri());
    }

    public URI resolve(RemoteFile file) {
        return base.resolve(file.group() + "/" + file.name());
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
