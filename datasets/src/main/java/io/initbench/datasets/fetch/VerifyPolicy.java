package io.initbench.datasets.fetch;

import java.util.Locale;

/** What to do with a file that downloaded completely but whose checksum is not the published one. */
public enum VerifyPolicy {
    /** Reject it (default): an unverified file never reaches a parser. */
    STRICT,
    /**
     * Use it, say so loudly, and mark it unofficial so every result records it. For known replicas
     * such as the CIFAR-10 copy in the offline mirror, never for silently corrupt downloads: the
     * parsers still validate structure and record counts.
     */
    WARN;

    public static VerifyPolicy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("datasets.verify=" + value + " is not valid; use 'strict' (default) or 'warn'");
        }
    }
}
