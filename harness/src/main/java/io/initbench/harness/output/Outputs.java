package io.initbench.harness.output;

import io.initbench.harness.result.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way a command writes its named outputs: each rendered by its {@link OutputWriter} and written
 * atomically ({@link RunStore#writeAtomically}: a reader never sees half a file, and files get a plain new
 * file's mode, 0644 under umask 022).
 */
public final class Outputs {
    private Outputs() {
    }

    /** The text {@code writer} makes of {@code value}. */
    public static <T> String render(OutputWriter<? super T> writer, T value) throws IOException {
        StringBuilder sb = new StringBuilder();
        writer.write(value, sb);
        return sb.toString();
    }

    /**
     * Renders {@code value} with each writer and writes it into {@code dir} (created if needed) under the
     * writer's file name, in the map's order; returns the texts by file name.
     */
    public static <T> Map<String, String> write(Path dir, T value, Map<String, ? extends OutputWriter<? super T>> writers)
            throws IOException {
        Map<String, String> written = new LinkedHashMap<>();
        for (var e : writers.entrySet()) {
            String text = render(e.getValue(), value);
            RunStore.writeAtomically(dir.resolve(e.getKey()), text.getBytes(StandardCharsets.UTF_8));
            written.put(e.getKey(), text);
        }
        return written;
    }
}
