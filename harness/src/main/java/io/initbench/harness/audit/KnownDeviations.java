package io.initbench.harness.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.SpecJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The checked-in list of initializers that are known to deviate from their claim, with the ratio
 * they were measured at ({@code audit/known-deviations.yaml}). The audit accepts exactly these
 * deviations, so it can gate a build: a new deviation, or a known one whose size changed (a DL4J
 * upgrade that fixed or changed the bug), fails it.
 */
public record KnownDeviations(List<Deviation> deviations) {
    public static final String RESOURCE = "/audit/known-deviations.yaml";

    public enum Layers { ANY, DENSE, CONV }

    /**
     * @param init          the initializer's label, e.g. LECUN_UNIFORM
     * @param varianceRatio measured ÷ claimed variance
     * @param tolerance     relative tolerance on that ratio
     * @param kurtosis      the measured kurtosis when it differs from the claimed family's; else null
     */
    public record Deviation(String init, Layers layers, double varianceRatio, double tolerance, Double kurtosis,
                            String reason) {
        public Deviation {
            if (init == null || init.isBlank() || layers == null || reason == null) {
                throw new IllegalArgumentException("a known deviation needs init, layers and reason; got init="
                        + init + ", layers=" + layers + ", reason=" + reason);
            }
            if (!(varianceRatio > 0) || !(tolerance > 0)) {
                throw new IllegalArgumentException("known deviation " + init + ": varianceRatio and tolerance must"
                        + " be positive, got " + varianceRatio + " and " + tolerance);
            }
            InitSpec.parse(init); // an unknown name is a typo in the list: say so now
        }
    }

    public KnownDeviations {
        deviations = deviations == null ? List.of() : List.copyOf(deviations);
    }

    public static KnownDeviations none() {
        return new KnownDeviations(List.of());
    }

    /** The list shipped with initbench. */
    public static KnownDeviations builtIn() {
        try (InputStream in = KnownDeviations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return SpecJson.yaml().readValue(in, KnownDeviations.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A list from a file ({@code -Daudit.knownDeviations=}), in the built-in list's format. */
    public static KnownDeviations read(Path file) {
        ObjectMapper yaml = SpecJson.yaml();
        try {
            return yaml.readValue(Files.readString(file), KnownDeviations.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the known-deviations list " + file + ": " + e.getMessage()
                    + "; give a YAML file in the format of " + RESOURCE, e);
        }
    }

    /** The entry for this initializer on a conv or dense layer, if any. */
    public Optional<Deviation> find(InitSpec init, boolean conv) {
        String label = init.label();
        return deviations.stream()
                .filter(d -> InitSpec.parse(d.init()).label().equals(label))
                .filter(d -> d.layers() == Layers.ANY || (d.layers() == Layers.CONV) == conv)
                .findFirst();
    }
}
