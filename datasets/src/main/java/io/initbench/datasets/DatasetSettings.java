package io.initbench.datasets;

import io.initbench.datasets.fetch.Mirror;
import io.initbench.datasets.fetch.VerifyPolicy;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where datasets are cached, where they come from and how strictly they are verified.
 *
 * @param mirror null to use the official hosts
 */
public record DatasetSettings(Path cacheDir, Mirror mirror, VerifyPolicy verify) {
    public static final String DIR_PROPERTY = "datasets.dir";
    public static final String MIRROR_PROPERTY = "datasets.mirror";
    public static final String MIRROR_ENV = "INITBENCH_DATASETS_MIRROR";
    public static final String VERIFY_PROPERTY = "datasets.verify";

    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "initbench", "datasets");
    }

    /**
     * Reads {@code -Ddatasets.dir}, {@code -Ddatasets.mirror} (else {@code $INITBENCH_DATASETS_MIRROR})
     * and {@code -Ddatasets.verify=strict|warn}.
     */
    public static DatasetSettings from(Map<String, String> properties, Map<String, String> env) {
        String dir = properties.get(DIR_PROPERTY);
        String mirror = properties.getOrDefault(MIRROR_PROPERTY, env.get(MIRROR_ENV));
        String verify = properties.get(VERIFY_PROPERTY);
        return new DatasetSettings(
                dir == null || dir.isBlank() ? defaultCacheDir() : Path.of(dir).toAbsolutePath(),
                mirror == null || mirror.isBlank() ? null : Mirror.parse(mirror),
                verify == null || verify.isBlank() ? VerifyPolicy.STRICT : VerifyPolicy.parse(verify));
    }
}
