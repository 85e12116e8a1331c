package io.initbench.harness.output;

/** Escaping for text and attribute values in the HTML, SVG and JUnit XML that initbench writes. */
public final class Xml {
    private Xml() {
    }

    public static String escape(String s) {
        return Escape.html(s);
    }
}
