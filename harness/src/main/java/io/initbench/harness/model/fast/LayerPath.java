package io.initbench.harness.model.fast;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Which layer implementations a network is built from: DL4J's stock ones or the native-op ones of this package. */
public enum LayerPath {
    /** initbench's native dense, convolution, BatchNorm, activation and output layers (see the package description). */
    FAST,
    /** DL4J M2.1's own layer implementations throughout. */
    STOCK;

    /** The system property that selects the path, {@code -Dlayers=fast|stock}. */
    public static final String PROPERTY = "layers";
    public static final LayerPath DEFAULT = FAST;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The path a value of {@code -Dlayers} names; null or blank is the default. */
    public static LayerPath parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        for (LayerPath p : values()) {
            if (p.key().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + " is not a layer path; use one of "
                + Arrays.stream(values()).map(LayerPath::key).collect(Collectors.joining(", "))
                + " (default " + DEFAULT.key() + ")");
    }

    /**
     * What the path adds to a network once {@code net.init()} has run and before it trains: the fast path's
     * {@link OwnGradientUpdater}; the stock path leaves DL4J's network as it is.
     */
    public MultiLayerNetwork prepare(MultiLayerNetwork net) {
        switch (this) {
            case FAST -> OwnGradientUpdater.install(net);
            case STOCK -> {
            }
        }
        return net;
    }

    /** The path this process was started with. */
    public static LayerPath selected() {
        return parse(System.getProperty(PROPERTY));
    }
}
