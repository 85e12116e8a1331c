package io.initbench.harness.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.initbench.harness.output.Outputs;
import io.initbench.harness.report.ReportGoldenTest;
import io.initbench.harness.result.RunResults;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.ResultJson;
import io.initbench.harness.spec.Axes;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.spec.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The compare rules on the report fixture (16 configurations × seeds 1, 2): settings fingerprint, scope,
 * the paired rule, and the two output files against golden files. To accept an intended format change:
 * {@code -Dtest=RunComparisonTest -Dgolden.update=true}, then review the diff of src/test/resources/golden.
 */
class RunComparisonTest {
    private static final RunComparison RULE = new RunComparison(0.005, 0.10);

    /** The record with its JSON edited, as a user would edit a line of cells.jsonl. */
    static CellRecord edit(CellRecord r, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = ResultJson.mapper().valueToTree(r);
            change.accept(tree);
            return ResultJson.mapper().treeToValue(tree, CellRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CellRecord> editWhere(List<CellRecord> records, Predicate<CellRecord> which, Consumer<ObjectNode> change) {
        List<CellRecord> out = new ArrayList<>();
        int hits = 0;
        for (CellRecord r : records) {
            boolean hit = which.test(r);
            hits += hit ? 1 : 0;
            out.add(hit ? edit(r, change) : r);
        }
        assertTrue(hits > 0, "the edit matched no record");
        return out;
    }

    static Predicate<CellRecord> config(String init, String activation, boolean bn) {
        return r -> r.cell().weightInit().label().equals(init) && r.cell().activation().name().equals(activation)
                && r.cell().batchNorm() == bn;
    }

    private static Consumer<ObjectNode> addAccuracy(double delta) {
        return t -> {
            ObjectNode a = t.withObject("/metrics/accuracy");
            a.put("finalTest", a.get("finalTest").asDouble() + delta);
        };
    }

    private static SuiteSpec suite(SuiteSpec s, String name, List<Long> seeds, TrainingSettings training,
                                   List<InitSpec> inits) {
        return suite(s, name, seeds, training, inits, s.axes().learningRate());
    }

    private static SuiteSpec suite(SuiteSpec s, String name, List<Long> seeds, TrainingSettings training,
                                   List<InitSpec> inits, List<Double> rates) {
        Axes a = s.axes();
        return new SuiteSpec(name, "other words", new Axes(a.dataset(), a.architecture(), a.depth(), a.width(), inits,
                a.activation(), a.batchNorm(), a.biasInit(), rates, seeds), training, s.tuning());
    }

    /** The suite at another learning rate (the rate is an axis). */
    private static SuiteSpec learningRate(SuiteSpec s, double lr) {
        return suite(s, s.name(), s.axes().seed(), s.training(), s.axes().weightInit(), List.of(lr));
    }

    @Test
    void fingerprintIgnoresSeedsNameAndDescriptionOnly() {
        SuiteSpec s = ReportGoldenTest.fixture().suite();
        SuiteSpec renamedReseeded = suite(s, "other", List.of(7L), s.training(), s.axes().weightInit());
        assertEquals(s.settingsFingerprint(), renamedReseeded.settingsFingerprint());
        assertEquals(List.of(), s.settingsDifferences(renamedReseeded));
        assertTrue(s.settingsFingerprint().matches("[0-9a-f]{16}"), s.settingsFingerprint());

        SuiteSpec lr = learningRate(s, 0.2);
        assertNotEquals(s.settingsFingerprint(), lr.settingsFingerprint());
        assertEquals(List.of("axes.learningRate: [0.1] vs [0.2]"), s.settingsDifferences(lr));
        SuiteSpec fewer = suite(s, s.name(), s.axes().seed(), s.training(), s.axes().weightInit().subList(0, 2));
        assertNotEquals(s.settingsFingerprint(), fewer.settingsFingerprint());
        assertEquals(List.of("axes.weightInit: [ZERO,NORMAL(0,0.01),RELU,IDENTITY] vs [ZERO,NORMAL(0,0.01)]"),
                s.settingsDifferences(fewer));
    }

    @Test
    void otherSettingsAreRefusedNamingTheDifferenceUnlessTheIntersectionIsAskedFor() {
        SuiteSpec s = ReportGoldenTest.fixture().suite();
        SuiteSpec lr = learningRate(s, 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComparisonScope.of(lr, s, false));
        assertTrue(e.getMessage().contains("axes.learningRate: [0.2] here vs [0.1] in the baseline"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dcompare.intersect=true"), e.getMessage());
        // a training setting changes every configuration: even the intersection is empty
        e = assertThrows(IllegalArgumentException.class, () -> ComparisonScope.of(lr, s, true));
        assertTrue(e.getMessage().contains("no configuration in common"), e.getMessage());

        SuiteSpec fewer = suite(s, s.name(), List.of(2L, 3L), s.training(), s.axes().weightInit().subList(0, 2));
        ComparisonScope scope = ComparisonScope.of(s, fewer, true);
        assertEquals(List.of(2L), scope.seeds());
        assertEquals(List.of(1L), scope.runOnlySeeds());
        assertEquals(List.of(3L), scope.baselineOnlySeeds());
        List<CellRecord> kept = scope.restrict(ReportGoldenTest.fixture().cells());
        assertEquals(2 * 2 * 2, kept.size(), "ZERO and NORMAL × 2 activations × BN off/on, seed 2 only");
        assertTrue(kept.stream().allMatch(r -> r.cell().seed() == 2 && !r.cell().weightInit().label().equals("RELU")));

        SuiteSpec otherSeeds = suite(s, s.name(), List.of(5L), s.training(), s.axes().weightInit());
        e = assertThrows(IllegalArgumentException.class, () -> ComparisonScope.of(s, otherSeeds, false));
        assertTrue(e.getMessage().contains("share no seed"), e.getMessage());
    }

    /** "No change." alone asked to be believed: the numbers of every configuration are shown whatever the verdict. */
    @Test
    void anUnchangedRunStillShowsEveryConfigurationSideBySide() {
        List<CellRecord> all = ReportGoldenTest.fixture().cells();
        SuiteSpec s = ReportGoldenTest.fixture().suite();
        RunComparison.Result r = RULE.compare(all, all);
        assertEquals(r.configs().size(), r.sides().size());
        String md = ComparisonReport.markdown(r, ComparisonScope.of(s, s, false), "run", "base");
        assertTrue(md.contains("No change.") && md.contains("## Side by side"), md);
        RunComparison.Side first = r.sides().get(0);
        assertEquals(first.baseline(), first.run());
        assertTrue(md.contains("| " + first.config() + " | " + first.pairs() + " | "
                + String.format(java.util.Locale.ROOT, "%.4f | %.4f | +0.0000 | 0.0050 | no change |",
                first.baseline(), first.run())), md);
        RunComparison.Result worse = RULE.compare(all, editWhere(all, config("RELU", "RELU", false), addAccuracy(-0.05)));
        String md2 = ComparisonReport.markdown(worse, ComparisonScope.of(s, s, false), "run", "base");
        assertTrue(md2.contains("-0.0500 | 0.0050 | **REGRESSION** (ACCURACY) |"), md2);
    }

    @Test
    void identicalRunsAndTheSharedSeedOfAOneSeedBaselineShowNoChange() {
        List<CellRecord> all = ReportGoldenTest.fixture().cells();
        assertEquals(List.of(), RULE.compare(all, all).findings());
        SuiteSpec s = ReportGoldenTest.fixture().suite();
        SuiteSpec oneSeed = suite(s, s.name(), List.of(1L), s.training(), s.axes().weightInit());
        ComparisonScope scope = ComparisonScope.of(s, oneSeed, false);
        List<CellRecord> baseline = all.stream().filter(r -> r.cell().seed() == 1).toList();
        RunComparison.Result r = RULE.compare(scope.restrict(baseline), scope.restrict(all));
        assertEquals(List.of(), r.findings());
        assertEquals(16, r.configs().size());
    }

    @Test
    void aConsistentSmallDropOnEverySeedIsARegressionButNoiseIsNot() {
        List<CellRecord> base = ReportGoldenTest.fixture().cells();
        // −0.020 and −0.021: far inside the two groups' own 95% intervals (t = 12.7 with 2 seeds), but every
        // seed lost the same: the paired interval excludes zero
        List<CellRecord> drop = editWhere(base, config("RELU", "TANH", true).and(r -> r.cell().seed() == 1),
                addAccuracy(-0.020));
        drop = editWhere(drop, config("RELU", "TANH", true).and(r -> r.cell().seed() == 2), addAccuracy(-0.021));
        RunComparison.Result r = RULE.compare(base, drop);
        assertEquals(1, r.findings().size(), r.findings().toString());
        RunComparison.Finding f = r.findings().get(0);
        assertEquals(RunComparison.Kind.ACCURACY, f.kind());
        assertEquals(RunComparison.Verdict.REGRESSION, f.verdict());
        assertTrue(f.detail().contains("paired over seeds 1,2: Δ -0.0205 ± 0.0064"), f.detail());

        // +0.04 and −0.02: a mean change beyond the tolerance, but the seeds disagree: noise
        List<CellRecord> noisy = editWhere(base, config("RELU", "TANH", true).and(r2 -> r2.cell().seed() == 1),
                addAccuracy(0.04));
        noisy = editWhere(noisy, config("RELU", "TANH", true).and(r2 -> r2.cell().seed() == 2), addAccuracy(-0.02));
        assertEquals(List.of(), RULE.compare(base, noisy).findings());
        // below the tolerance on every seed: no change, however consistent
        List<CellRecord> tiny = editWhere(base, config("RELU", "TANH", true), addAccuracy(-0.004));
        assertEquals(List.of(), RULE.compare(base, tiny).findings());
    }

    @Test
    void withOneSharedSeedTheToleranceDecides() {
        List<CellRecord> base = ReportGoldenTest.fixture().cells().stream().filter(r -> r.cell().seed() == 1).toList();
        List<CellRecord> within = editWhere(base, config("RELU", "RELU", false), addAccuracy(-0.0045));
        assertEquals(List.of(), RULE.compare(base, within).findings());
        List<CellRecord> beyond = editWhere(base, config("RELU", "RELU", false), addAccuracy(-0.006));
        RunComparison.Result r = RULE.compare(base, beyond);
        assertTrue(r.regressed());
        assertTrue(r.findings().get(0).detail().contains("(seed 1: Δ -0.0060, tolerance 0.0050)"),
                r.findings().get(0).detail());
    }

    @Test
    void slowerConvergenceOnEverySeedIsASpeedRegression() {
        List<CellRecord> base = editWhere(ReportGoldenTest.fixture().cells(), config("RELU", "RELU", true),
                t -> t.withObject("/metrics/convergence").put("samplesToTarget", 10_000));
        List<CellRecord> slow = editWhere(base, config("RELU", "RELU", true),
                t -> t.withObject("/metrics/convergence").put("samplesToTarget", 20_000));
        RunComparison.Result r = RULE.compare(base, slow);
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals(RunComparison.Kind.SPEED, r.findings().get(0).kind());
        assertEquals(RunComparison.Verdict.REGRESSION, r.findings().get(0).verdict());
        // never reaching the target counts as the whole budget: slower still
        List<CellRecord> never = editWhere(base, config("RELU", "RELU", true),
                t -> t.withObject("/metrics/convergence").putNull("samplesToTarget"));
        assertTrue(RULE.compare(base, never).findings().get(0).detail().contains("reached target 2/2 → 0/2"),
                RULE.compare(base, never).findings().toString());
    }

    /** The outputs of one comparison with every kind of finding, against golden files. */
    @Test
    void markdownAndJunitXmlMatchGolden() throws IOException {
        RunResults fixture = ReportGoldenTest.fixture();
        SuiteSpec s = fixture.suite();
        List<CellRecord> base = fixture.cells();
        List<CellRecord> run = editWhere(base, config("ZERO", "RELU", false).and(r -> r.cell().seed() == 1),
                t -> t.put("status", "DIVERGED").put("reason", "training loss became NaN at iteration 3 (epoch 1)"));
        run = editWhere(run, config("RELU", "TANH", true).and(r -> r.cell().seed() == 1), addAccuracy(-0.030));
        run = editWhere(run, config("RELU", "TANH", true).and(r -> r.cell().seed() == 2), addAccuracy(-0.031));
        run = editWhere(run, config("RELU", "RELU", false), addAccuracy(0.02));
        run = run.stream().filter(config("NORMAL(0,0.01)", "RELU", true).negate()).toList();
        SuiteSpec runSuite = suite(s, s.name(), List.of(1L, 2L, 3L), s.training(), s.axes().weightInit());
        ComparisonScope scope = ComparisonScope.of(runSuite, s, false);
        RunComparison.Result r = RULE.compare(scope.restrict(base), scope.restrict(run));
        assertTrue(r.regressed());
        ComparisonReport.Comparison c = new ComparisonReport.Comparison(r, scope, s.name(), "results/golden/tonight",
                "results/golden/last-night");
        for (var output : ComparisonReport.outputs().entrySet()) {
            ReportGoldenTest.assertGolden(output.getKey(), Outputs.render(output.getValue(), c));
        }
    }
}
