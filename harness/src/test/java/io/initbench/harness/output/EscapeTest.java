package io.initbench.harness.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Hostile text stays text in every format initbench writes. */
class EscapeTest {
    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "\" onmouseover=\"alert(1)",
            "' onfocus='alert(1)", "PRETRAINED(<img src=x onerror=alert(1)>)", "a | b | c", "[click](javascript:alert(1))",
            "`code` and \\| escape", "line one\nline two\r\n| --- |", "&lt;already&gt; &amp;");

    @Test
    void htmlHasNoMarkupLeft() {
        for (String s : HOSTILE) {
            String e = Escape.html(s);
            assertFalse(e.contains("<") || e.contains(">") || e.contains("\"") || e.contains("'"), e);
            // every & starts an entity this escaper wrote
            assertFalse(Pattern.compile("&(?!amp;|lt;|gt;|quot;|#39;)").matcher(e).find(), e);
        }
        assertEquals("&lt;b&gt;&amp;&quot;&#39;", Escape.html("<b>&\"'"));
    }

    @Test
    void markdownKeepsOneTableCellAndMakesNoLinkOrHtml() {
        for (String s : HOSTILE) {
            String e = Escape.markdown(s);
            assertFalse(e.contains("\n") || e.contains("\r"), e);
            String bare = e.replaceAll("\\\\.", ""); // what is left once every escaped character is gone
            assertFalse(bare.matches("(?s).*[|`\\[\\]].*"), e);
            assertFalse(e.contains("<") || e.contains(">"), e);
        }
        assertEquals("a \\| b", Escape.markdown("a | b"));
        assertEquals("\\[x\\](javascript:y)", Escape.markdown("[x](javascript:y)"));
        assertEquals("XAVIER_UNIFORM NORMAL(0,0.01)", Escape.markdown("XAVIER_UNIFORM NORMAL(0,0.01)"));
    }

    @Test
    void linksAreRelativePathsNeverSchemes() {
        String link = Escape.relativeLink("javascript:alert(document.domain)", "report.html");
        assertEquals("./javascript%3Aalert%28document.domain%29/report.html", link);
        for (String name : List.of("javascript:alert(1)", "data:text/html,<b>", "//evil.example", "/etc/passwd",
                "\" onclick=\"x", "run with spaces")) {
            String l = Escape.relativeLink(name, "report.html");
            assertTrue(l.startsWith("./") && l.chars().filter(c -> c == '/').count() == 2, l);
            assertTrue(l.matches("[A-Za-z0-9._~%/-]+"), l);
        }
        assertThrows(IllegalArgumentException.class, () -> Escape.relativeLink("..", "report.html"));
        assertEquals("./20260101T000000Z-abcdef0/report.html", Escape.relativeLink("20260101T000000Z-abcdef0",
                "report.html"));
    }
}
