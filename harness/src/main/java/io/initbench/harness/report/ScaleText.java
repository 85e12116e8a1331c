package io.initbench.harness.report;

import io.initbench.datasets.DatasetShape;
import io.initbench.harness.diagnostics.ScaleJudgement;
import io.initbench.harness.output.Format;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.GradientPoint;
import io.initbench.harness.result.LayerScale;
import io.initbench.harness.result.Status;
import io.initbench.harness.stats.SeedGroup;
import io.initbench.harness.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A configuration's {@link ScaleJudgement} from its seeds' records: geometric means over seeds for the
 * scales (they span orders of magnitude), arithmetic means for the shares and the accuracy.
 */
final class ScaleText {
    private ScaleText() {
    }

    /** The caption of the verdict table, stating the rules. */
    static final String CAPTION = "Gradient scale judged in absolute terms (first match): no signal = a step-0"
            + " gradient exactly 0; exploding = every seed diverged, a step-0 gradient RMS above 100, or the first"
            + " layer's update ‖ΔW‖/‖W‖ above " + Format.significant(ScaleJudgement.EXPLODING_UPDATE, 1) + " per step;"
            + " vanishing = that update below " + Format.significant(ScaleJudgement.VANISHING_UPDATE, 1) + " per step"
            + " (SGD that trains sits near 0.001); dead units /"
            + " saturated = at least half a hidden layer at step 0; not learning = final test accuracy within "
            + ScaleJudgement.CHANCE_MARGIN + " of chance; else healthy. A net at chance is never called healthy;"
            + " — = no seed trained.";

    static ScaleJudgement judge(List<CellRecord> seeds) {
        List<Double> updates = new ArrayList<>();
        List<Double> largest = new ArrayList<>();
        List<Double> dead = new ArrayList<>();
        List<Double> saturated = new ArrayList<>();
        boolean zero = !seeds.isEmpty();
        boolean measured = false;
        for (CellRecord r : seeds) {
            Double u = firstUpdate(r);
            if (u != null && u > 0) {
                updates.add(Math.log(u));
            }
            List<LayerScale> s = r.diagnostics().stepZeroScale();
            if (s.isEmpty()) {
                zero = false;
                continue;
            }
            measured = true;
            zero &= s.stream().anyMatch(l -> Double.valueOf(0.0).equals(l.gradientRms()));
            s.stream().map(LayerScale::gradientRms).filter(g -> g != null && g > 0).mapToDouble(Double::doubleValue)
                    .max().ifPresent(g -> largest.add(Math.log(g)));
            List<LayerScale> hidden = s.subList(0, s.size() - 1);
            max(hidden, LayerScale::deadFraction, dead);
            max(hidden, LayerScale::saturatedFraction, saturated);
        }
        SeedGroup g = SeedGroup.of(seeds).get(0);
        Summary acc = g.accuracy();
        int trained = g.trainedCount();
        boolean diverged = trained > 0 && g.count(Status.DIVERGED) == trained;
        double chance = 1.0 / seeds.get(0).cell().dataset().knownShape().map(DatasetShape::classes).orElse(10);
        return ScaleJudgement.of(geo(updates), geo(largest), zero && measured, mean(dead), mean(saturated),
                acc == null ? null : acc.mean(), chance, diverged);
    }

    /** The table entry: the verdict word. */
    static String entry(List<CellRecord> seeds) {
        if (SeedGroup.of(seeds).get(0).trainedCount() == 0) {
            return "—";
        }
        ScaleJudgement j = judge(seeds);
        String w = j.word();
        return j.verdict() == ScaleJudgement.Verdict.HEALTHY ? w : "**" + w + "**";
    }

    /** The first weight layer's update ratio at the first evaluation that has one. */
    private static Double firstUpdate(CellRecord r) {
        for (GradientPoint p : r.diagnostics().during()) {
            if (!p.updateRatios().isEmpty() && p.updateRatios().get(0) != null) {
                return p.updateRatios().get(0);
            }
        }
        return null;
    }

    private static void max(List<LayerScale> layers, Function<LayerScale, Double> f, List<Double> into) {
        layers.stream().map(f).filter(v -> v != null).mapToDouble(Double::doubleValue).max().ifPresent(into::add);
    }

    private static Double geo(List<Double> logs) {
        return logs.isEmpty() ? null : Math.exp(logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    private static Double mean(List<Double> v) {
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
