package io.initbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: headless Chromium (Debian's {@code chromium}; .ci/run installs it)
 * parses the page offline, the DOM holds every chart, and a screenshot is not blank. Skipped where no
 * Chromium is installed. The screenshot is kept as target/report-screenshot.png for a human look.
 */
class HtmlBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    private String chromium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tmp.resolve("profile")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium hung");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("chromium.err")));
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void chromiumRendersEveryChart() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        String html = Reports.render(new HtmlReportWriter(), ReportGoldenTest.fixture());
        Path page = tmp.resolve("report.html");
        Files.writeString(page, html);
        String dom = chromium("--dump-dom", page.toUri().toString());
        // 2 panels (BN off/on) × (2 heatmaps + 2 gradient-by-depth plots), plus 2 learning-curve plots
        // (one per activation) where BN off and on are overlaid
        assertEquals(10, count(dom, "<svg"), "charts in the rendered DOM");
        assertEquals(count(html, "<polyline"), count(dom, "<polyline"), "every curve survived parsing");
        assertTrue(dom.contains("golden — initbench report"));

        Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium("--window-size=1300,1600", "--screenshot=" + png, page.toUri().toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1300, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "the screenshot is nearly blank: " + colours.size() + " colours");
    }

    private static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
