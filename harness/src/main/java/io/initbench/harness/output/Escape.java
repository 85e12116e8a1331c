package io.initbench.harness.output;

import java.nio.charset.StandardCharsets;

/**
 * The one place where text that a user controls (suite descriptions, initializer labels such as
 * {@code PRETRAINED(path)}, directory names, host and CPU names) is made safe for the formats initbench
 * writes: HTML text and attributes, Markdown table cells, and links.
 */
public final class Escape {
    private Escape() {
    }

    /** HTML (and XML) text or a quoted attribute value: no tag, entity or quote can start. */
    public static String html(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Markdown text, also inside a table cell: the characters that end a cell, start a link, code span or
     * inline HTML are escaped, and line breaks (which end a table row) become spaces. Emphasis characters
     * are left alone: labels like {@code XAVIER_UNIFORM} read as they are.
     */
    public static String markdown(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '|', '`', '[', ']' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A link target relative to the current page made of path segments (directory and file names), never
     * a scheme or an absolute path: each segment is percent-encoded (so {@code javascript:x} becomes
     * {@code javascript%3Ax}, a file name) and the result starts with {@code ./}. Usable in Markdown and,
     * through {@link #html}, in an attribute.
     *
     * @throws IllegalArgumentException for an empty, {@code .} or {@code ..} segment, which would leave
     *                                  the directory
     */
    public static String relativeLink(String... segments) {
        StringBuilder b = new StringBuilder(".");
        for (String seg : segments) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw new IllegalArgumentException("'" + seg + "' is not a file or directory name to link to");
            }
            b.append('/');
            for (byte x : seg.getBytes(StandardCharsets.UTF_8)) {
                int c = x & 0xff;
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                        || c == '_' || c == '~') {
                    b.append((char) c);
                } else {
                    b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
                }
            }
        }
        return b.toString();
    }
}
