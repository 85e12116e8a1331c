package io.initbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.output.Xml;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.CurvePoint;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** What the charts of report.html promise a reader, checked on the SVG of the report fixture. */
class HtmlChartsTest {
    private static final Pattern FIGURE = Pattern.compile("<figure class=\"chart\">(.*?)</figure>", Pattern.DOTALL);
    private static final Pattern LEGEND = Pattern.compile(
            "<line [^>]*style=\"stroke:(#[0-9A-Fa-f]{3,6});stroke-width:3([^\"]*)\"/><text [^>]*>([^<]*)</text>");
    private static final Pattern CELL = Pattern.compile("<rect [^>]*fill=\"(#[0-9a-f]{6})\"[^>]*><title>([^<]*)</title>"
            + "</rect><text [^>]*>([^<]*)</text>");

    private static String html(RunResults run, ColorScale scale) throws IOException {
        return Reports.render(new HtmlReportWriter(scale), run);
    }

    private static List<String> all(Pattern p, String s, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }

    private static List<String> svgs(String html, String cls) {
        return all(Pattern.compile("<svg [^>]*class=\"" + cls + "\">.*?</svg>", Pattern.DOTALL), html, 0);
    }

    /** Legend name → colour of every plot (learning curves and gradient by depth) of a report. */
    private static Map<String, String> legendColours(String html) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (String svg : svgs(html, "plot")) {
            Matcher m = LEGEND.matcher(svg);
            while (m.find()) {
                String before = colours.putIfAbsent(m.group(3), m.group(1));
                assertTrue(before == null || before.equals(m.group(1)), m.group(3) + " has two colours in one report");
            }
        }
        return colours;
    }

    @Test
    void everyLegendEntryOfALearningCurveHasADrawnSeries() throws IOException {
        String html = html(ReportGoldenTest.fixture(), ColorScale.FIXED);
        List<String> figures = all(FIGURE, html, 1);
        assertEquals(2, figures.size(), "one learning-curve chart per activation, BatchNorm off and on overlaid");
        int entries = 0;
        for (String fig : figures) {
            Matcher m = LEGEND.matcher(fig);
            while (m.find()) {
                String colour = m.group(1);
                String name = m.group(3);
                boolean dashed = m.group(2).contains("dasharray");
                entries++;
                if (name.startsWith("BatchNorm")) {
                    assertEquals(name.endsWith("on"), dashed, name + "'s key line");
                    assertTrue(fig.contains("stroke-dasharray=\"6,3\" points="), "a dashed series is drawn");
                } else {
                    assertEquals(Svg.initColor(name), colour, name);
                    assertTrue(fig.contains("<polyline fill=\"none\" stroke=\"" + colour + "\"")
                            || fig.contains("fill=\"" + colour + "\"/>"), "legend entry " + name + " has no drawn series");
                }
            }
            // IDENTITY is SKIPPED everywhere in the fixture: named under the chart with why, not in the legend
            assertFalse(all(LEGEND, fig, 3).contains("IDENTITY"), "IDENTITY has nothing drawn");
            assertTrue(fig.contains("<figcaption>not drawn: IDENTITY, BatchNorm off (SKIPPED"), fig);
            assertTrue(fig.contains("IDENTITY, BatchNorm on (SKIPPED"), fig);
        }
        assertTrue(entries >= 10, "legends were checked at all: " + entries);
    }

    @Test
    void batchNormOffAndOnAreOverlaidSolidAndDashed() throws IOException {
        String html = html(ReportGoldenTest.fixture(), ColorScale.FIXED);
        String relu = Svg.initColor("RELU");
        for (String fig : all(FIGURE, html, 1)) {
            assertTrue(fig.contains("<polyline fill=\"none\" stroke=\"" + relu + "\" stroke-width=\"1.8\" points="),
                    "RELU without BatchNorm, solid");
            assertTrue(fig.contains("<polyline fill=\"none\" stroke=\"" + relu + "\" stroke-width=\"1.8\""
                    + " stroke-dasharray=\"6,3\" points="), "RELU with BatchNorm, dashed");
        }
        assertTrue(html.contains("Learning curves: BatchNorm off and on overlaid, under <a href=\"#panel-1\">"),
                "the BatchNorm-on panel points to the shared charts");
    }

    @Test
    void initializerColourDoesNotDependOnItsPosition() throws IOException {
        RunResults full = ReportGoldenTest.fixture();
        // without ZERO, RELU moves from third to second place in every chart
        RunResults fewer = new RunResults(full.suite(), full.provenance(), full.cells().stream()
                .filter(r -> !r.cell().weightInit().label().equals("ZERO")).toList());
        Map<String, String> a = legendColours(html(full, ColorScale.FIXED));
        Map<String, String> b = legendColours(html(fewer, ColorScale.FIXED));
        assertNotEquals(new ArrayList<>(a.keySet()).indexOf("RELU"), new ArrayList<>(b.keySet()).indexOf("RELU"));
        for (String init : List.of("RELU", "NORMAL(0,0.01)")) {
            assertEquals(a.get(init), b.get(init), init + " changed colour with its position");
            assertEquals(Svg.initColor(init), a.get(init));
        }
    }

    @Test
    void wellKnownInitializersHaveDistinctFixedColoursAndOthersAHashedOne() {
        // the keys must be the labels the spec really produces, defaults of parameterised ones included
        for (String name : List.of("ZERO", "NORMAL(0,0.01)", "LECUN_NORMAL", "XAVIER", "XAVIER_UNIFORM", "RELU",
                "RELU_UNIFORM", "ORTHOGONAL", "LSUV", "SPARSE", "UNIFORM", "CONSTANT(0.01)", "IDENTITY")) {
            String label = InitSpec.parse(name).label();
            assertTrue(Svg.INIT_COLORS.containsKey(label), label + " has no fixed colour");
        }
        Set<String> fixed = new HashSet<>(Svg.INIT_COLORS.values());
        assertEquals(Svg.INIT_COLORS.size(), fixed.size(), "two well-known initializers share a colour");
        for (String other : List.of("NORMAL(0,1)", "ORTHOGONAL(2)", "PRETRAINED(m.zip)", "UNIFORM(-1,1)")) {
            String c = Svg.initColor(other);
            assertTrue(Svg.HASHED_COLORS.contains(c) && !fixed.contains(c), other + ": " + c);
            assertEquals(c, Svg.initColor(new String(other.toCharArray())), "stable for an equal label");
        }
    }

    @Test
    void fixedScaleColoursEachCellByItsValueAndSaysSo() throws IOException {
        String html = html(ReportGoldenTest.fixture(), ColorScale.FIXED);
        List<String> heatmaps = svgs(html, "heatmap").stream().filter(s -> s.contains("Mean final test accuracy")).toList();
        assertEquals(2, heatmaps.size());
        int coloured = 0;
        for (String svg : heatmaps) {
            assertTrue(svg.contains(">colour: accuracy on a fixed scale, 0 to 1</text>"), "the scale is stated");
            assertTrue(svg.contains(">0.00</text>") && svg.contains(">1.00</text>"), "the bar's ends are labelled");
            Matcher m = CELL.matcher(svg);
            while (m.find()) {
                String text = m.group(3);
                if (text.matches("0\\.\\d{4}.*")) {
                    // the same value has the same colour in every report, whatever else the run holds
                    assertEquals(Svg.viridis(Double.parseDouble(text.substring(0, 6))), m.group(1), m.group(2));
                    coloured++;
                }
            }
        }
        assertTrue(coloured >= 10, "cells checked: " + coloured);
        assertTrue(html.contains("-Dreport.colorScale=error|fixed|run"), "the option is named on the page");
    }

    @Test
    void runScaleSpansTheRunsRangeAndSaysSo() throws IOException {
        RunResults run = ReportGoldenTest.fixture();
        double lo = 1;
        double hi = 0;
        for (SeedGroup g : SeedGroup.of(run.cells())) {
            if (g.accuracy() != null) {
                lo = Math.min(lo, g.accuracy().mean());
                hi = Math.max(hi, g.accuracy().mean());
            }
        }
        String html = html(run, ColorScale.RUN);
        String stated = String.format(java.util.Locale.ROOT, "colour: accuracy over this run's range, %.4f to %.4f", lo, hi);
        assertTrue(html.contains(Xml.escape(stated)), stated);
        Set<String> fills = new HashSet<>();
        for (String svg : svgs(html, "heatmap")) {
            if (svg.contains("Mean final test accuracy")) {
                fills.addAll(all(CELL, svg, 1));
            }
        }
        assertTrue(fills.contains(Svg.viridis(0)) && fills.contains(Svg.viridis(1)), "lowest and highest mean span the bar");
    }

    @Test
    void learningCurveBandIsTheTablesConfidenceInterval() throws IOException {
        RunResults run = ReportGoldenTest.fixture();
        // RELU init, TANH, no BatchNorm: both seeds OK, so the band at the last evaluation is their 95% CI
        List<CellRecord> cells = run.cells().stream().filter(r -> r.cell().weightInit().label().equals("RELU")
                && r.cell().activation() == Activation.TANH && !r.cell().batchNorm()).toList();
        Summary s = SeedGroup.of(cells).get(0).accuracy();
        assertEquals(2, s.n());
        double expected = (Math.min(1, s.ciHigh()) - Math.max(0, s.ciLow())) * HtmlReportWriter.PLOT_H;
        String html = html(run, ColorScale.FIXED);
        assertTrue(html.contains("band = 95% CI of the mean (Student-t)"));
        String tanh = all(FIGURE, html, 1).stream().filter(f -> f.contains("class=\"t\">activation TANH<")).findFirst().orElseThrow();
        assertTrue(tanh.contains(">95% CI over seeds</text>"), "the band has a legend entry");
        boolean found = false;
        for (String points : all(Pattern.compile("<polygon fill=\"" + Svg.initColor("RELU") + "\"[^>]*points=\"([^\"]*)\""),
                tanh, 1)) {
            String[] p = points.split(" ");
            double hiY = Double.parseDouble(p[p.length / 2 - 1].split(",")[1]);
            double loY = Double.parseDouble(p[p.length / 2].split(",")[1]);
            found |= Math.abs((loY - hiY) - expected) < 0.15;
        }
        assertTrue(found, "no RELU band " + expected + " px wide at the last evaluation");
    }

    @Test
    void everyChartHasAxisTitles() throws IOException {
        String html = html(ReportGoldenTest.fixture(), ColorScale.FIXED);
        for (String svg : svgs(html, "plot")) {
            assertEquals(2, all(Pattern.compile("class=\"ax\""), svg, 0).size(), svg.substring(0, 200));
        }
        for (String svg : svgs(html, "heatmap")) {
            assertTrue(svg.contains(">activation</text>") && svg.contains(">weight initializer</text>"));
        }
        assertTrue(html.contains(">training samples</text>") && html.contains(">validation accuracy</text>"));
        assertTrue(html.contains(">weight layer (input → output)</text>") && html.contains(">gradient RMS (log scale)</text>"));
    }

    @Test
    void colourScaleOptionNamesItsValues() {
        assertEquals(ColorScale.ERROR, ColorScale.parse(null));
        assertEquals(ColorScale.ERROR, ColorScale.parse(" "));
        assertEquals(ColorScale.RUN, ColorScale.parse("run"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColorScale.parse("linear"));
        assertTrue(e.getMessage().contains("-Dreport.colorScale=linear")
                && e.getMessage().contains("[error, fixed, run]"), e.getMessage());
    }

    /** The default scale states itself on the page and colours 0.94 and 0.97 apart (the fixed one did not). */
    @Test
    void theDefaultErrorScaleSaysSo() throws IOException {
        String html = html(ReportGoldenTest.fixture(), ColorScale.ERROR);
        assertTrue(html.contains("colour: error (1 − accuracy) on a log scale, fixed"), "stated under the bar");
        assertTrue(html.contains("accuracy by its error on a log scale"), "stated in the page's notes");
    }

    /** The step-0 gradient legend marks the series it cannot draw (IDENTITY: every seed SKIPPED). */
    @Test
    void aGradientSeriesThatIsNotDrawnSaysSoInTheLegend() throws IOException {
        String html = html(ReportGoldenTest.fixture(), ColorScale.FIXED);
        assertTrue(html.contains(">IDENTITY (not drawn)</text>"), "IDENTITY has no gradient to draw");
        assertFalse(html.contains(">RELU (not drawn)</text>"));
    }

    /** Curves evaluated early (a point at 1,280 samples of 120,000) get a log x axis with decade ticks. */
    @Test
    void learningCurvesWithEarlyPointsHaveALogSampleAxis() throws IOException {
        RunResults run = ReportGoldenTest.fixture();
        List<CellRecord> early = new java.util.ArrayList<>();
        for (CellRecord r : run.cells()) {
            List<CurvePoint> curve = new java.util.ArrayList<>(r.curve());
            if (curve.size() > 1) {
                CurvePoint last = curve.get(curve.size() - 1);
                curve.add(1, new CurvePoint(10, 1280, 0.1, 1.0, null, last.validationAccuracy() / 2));
            }
            early.add(r.withCurve(curve));
        }
        String html = html(new RunResults(run.suite(), run.provenance(), early), ColorScale.FIXED);
        assertTrue(html.contains(">training samples (log scale; the start at the left edge)</text>"), "log x axis");
        assertTrue(html.contains(">10.0k</text>"), "a decade tick");
    }

    /** XAVIER/XAVIER_UNIFORM and RELU/RELU_UNIFORM, drawn together in relu-vs-tanh, differ in hue, not shade. */
    @Test
    void nearIdenticalNamesGetDistinctHues() {
        for (String[] pair : new String[][] {{"XAVIER", "XAVIER_UNIFORM"}, {"RELU", "RELU_UNIFORM"}}) {
            double a = hue(Svg.initColor(pair[0]));
            double b = hue(Svg.initColor(pair[1]));
            double d = Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
            assertTrue(d > 45, pair[0] + " vs " + pair[1] + ": hues " + a + ", " + b);
        }
    }

    private static double hue(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        float[] hsb = java.awt.Color.RGBtoHSB(rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255, null);
        return hsb[0] * 360;
    }
}
