package io.initbench.harness.cli;

import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.spec.Shard;
import java.util.Map;

/**
 * Command-line options, read from system properties.
 *
 * @param out        run directory; null = {@code results/<suite>/<run-id>}
 * @param workers    cells trained at once
 * @param threads    native threads per worker
 * @param saveModels save every trained network as {@code models/<cell id>.zip} in the run directory
 * @param shard      the part of the suite's grid this process runs ({@code -Dshard=i/n})
 * @param layers     the layer implementations networks are built from ({@code -Dlayers=fast|stock})
 */
public record Options(String suite, String out, int workers, int threads, boolean saveModels, Shard shard,
                      LayerPath layers) {
    public static Options from(Map<String, String> props) {
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = intProp(props, "workers", cores);
        if (workers < 1) {
            throw new IllegalArgumentException("-Dworkers=" + workers + " is not valid; use 1 or more (default: "
                    + cores + ", one per core)");
        }
        int threads = intProp(props, "threads", Math.max(1, cores / workers));
        if (threads < 1) {
            throw new IllegalArgumentException("-Dthreads=" + threads + " is not valid; use 1 or more native threads"
                    + " per worker");
        }
        String out = props.get("out");
        return new Options(props.get("suite"), out == null || out.isBlank() ? null : out, workers, threads,
                Boolean.parseBoolean(props.getOrDefault("saveModels", "false")), Shard.parse(props.get("shard")),
                LayerPath.parse(props.get(LayerPath.PROPERTY)));
    }

    /** {@code -Dkey} as a whole number, defaulting to the value its {@link OptionRegistry} entry declares. */
    static long longProp(Map<String, String> props, String key) {
        return longProp(props, key, Long.parseLong(registered(key)));
    }

    /** {@code -Dkey} as a number, defaulting to the value its {@link OptionRegistry} entry declares. */
    static double doubleProp(Map<String, String> props, String key) {
        return doubleProp(props, key, Double.parseDouble(registered(key)));
    }

    /** {@code -Dkey} as an int, defaulting to the value its {@link OptionRegistry} entry declares. */
    static int intProp(Map<String, String> props, String key) {
        return intProp(props, key, Integer.parseInt(registered(key)));
    }

    /** The default declared once, in the registry that help prints, so the two cannot disagree. */
    private static String registered(String key) {
        return OptionRegistry.get(key).orElseThrow(() -> new IllegalStateException("option " + key
                + " is not registered")).dflt();
    }

    static long longProp(Map<String, String> props, String key, long dflt) {
        String v = props.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + "=" + v + " is not a whole number");
        }
    }

    static double doubleProp(Map<String, String> props, String key, double dflt) {
        String v = props.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + "=" + v + " is not a number");
        }
    }

    static int intProp(Map<String, String> props, String key, int dflt) {
        long v = longProp(props, key, dflt);
        if (v != (int) v) {
            throw new IllegalArgumentException("-D" + key + "=" + v + " is out of range");
        }
        return (int) v;
    }
}
