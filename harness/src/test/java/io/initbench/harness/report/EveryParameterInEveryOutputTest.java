package io.initbench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.result.RunResults;
import io.initbench.harness.spec.Axes;
import io.initbench.harness.spec.CellSpec;
import io.initbench.harness.spec.Parameter;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.spec.RateSchedule;
import io.initbench.harness.spec.TrainingSettings;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every axis and every training setting reaches the id, the overrides and both CSV files. */
class EveryParameterInEveryOutputTest {

    private static Set<String> keys() {
        return Parameter.ALL.stream().map(Parameter::key).collect(Collectors.toSet());
    }

    @Test
    void everyAxisAndSettingIsDeclared() {
        for (Class<?> type : List.of(Axes.class, TrainingSettings.class)) {
            for (RecordComponent rc : type.getRecordComponents()) {
                assertTrue(keys().contains(rc.getName()), type.getSimpleName() + "." + rc.getName()
                        + " has no entry in Parameter.ALL, so it would be missing from ids, overrides and CSVs");
            }
        }
        assertEquals(Axes.class.getRecordComponents().length, Parameter.axes().size());
    }

    @Test
    void everyParameterEntersTheIdAndHasAnOverride() {
        RunResults run = ReportGoldenTest.fixture();
        CellSpec c = run.cells().get(0).cell();
        TrainingSettings t = c.training();
        // the settings hashed only when they can change a number: make them all count
        CellSpec all = new CellSpec(c.dataset(), c.architecture(), c.depth(), c.width(), c.weightInit(),
                c.activation(), c.batchNorm(), c.biasInit(), c.learningRate(), c.seed(), new TrainingSettings(t.optimizer(),
                t.batchSize(), t.epochs(), t.evalEvery(), t.targetAccuracy(), t.trainSize(),
                t.testSize(), t.normalization(), t.maxCellSeconds(), 100, t.dataSeed(), true, RateSchedule.LINEAR));
        assertEquals(keys(), all.parameters().keySet());
        for (Parameter p : Parameter.ALL) {
            assertTrue(SuiteLoader.OVERRIDES.entrySet().stream().anyMatch(e -> e.getValue().equals(p.path())
                    && p.overrides().contains(e.getKey())), p.key() + " has no -D override");
        }
    }

    @Test
    void overridesReachTheCells() {
        SuiteSpec s = new SuiteLoader().load("smoke", Map.of("validationSize", "300", "dataSeed", "9",
                "testOnCurve", "true", "evalEvery", "7", "maxCellSeconds", "60", "rateSchedule", "LINEAR"));
        TrainingSettings t = s.training();
        assertEquals(300, t.validationSize());
        assertEquals(9, t.dataSeed());
        assertTrue(t.testOnCurve());
        assertEquals(7, t.evalEvery());
        assertEquals(60.0, t.maxCellSeconds());
        assertEquals(RateSchedule.LINEAR, t.rateSchedule());
    }

    @Test
    void everyParameterIsAColumnOfMatrixCsvAndGroupsCsv() throws IOException {
        RunResults run = ReportGoldenTest.fixture();
        List<String> matrix = header(new CsvMatrixWriter(), run);
        List<String> groups = header(new GroupsCsvWriter(), run);
        for (Parameter p : Parameter.ALL) {
            assertTrue(matrix.contains(p.column()), "matrix.csv lacks " + p.column());
            if (!p.key().equals("seed")) {
                assertTrue(groups.contains(p.column()), "groups.csv lacks " + p.column());
            }
        }
    }

    @Test
    void everyAxisSplitsOrFillsTheReportPanels() throws IOException {
        RunResults run = ReportGoldenTest.fixture();
        StringBuilder md = new StringBuilder();
        new MarkdownMatrixWriter().write(run, md);
        String title = md.toString().lines().filter(l -> l.startsWith("## ")).findFirst().orElseThrow();
        CellSpec c = run.cells().get(0).cell();
        for (Parameter p : Parameter.axes()) {
            switch (p.key()) {
                // rows, columns and the seeds aggregated in each entry
                case "weightInit" -> assertTrue(md.indexOf("| " + p.label(c) + " |") >= 0, p.key());
                case "activation" -> assertTrue(md.indexOf("| " + p.label(c) + " |") >= 0
                        || md.indexOf(" " + p.label(c) + " |") >= 0, p.key());
                case "seed" -> {
                }
                default -> assertTrue(title.contains(p.key() + " "), p.key() + " is not in the panel title " + title);
            }
        }
    }

    private static List<String> header(ReportWriter writer, RunResults run) throws IOException {
        StringBuilder sb = new StringBuilder();
        writer.write(run, sb);
        return Arrays.asList(sb.substring(0, sb.indexOf("\n")).split(","));
    }
}
