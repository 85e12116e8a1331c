package io.initbench.harness.compare;

import io.initbench.harness.result.CellRecord;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.SuiteSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What two runs are compared on: the seeds both suites declare and, when their settings differ and the
 * intersection was asked for, the configurations both grids hold. Runs with different settings
 * (different {@link SuiteSpec#settingsFingerprint()}) measure different things, so comparing them is
 * refused unless asked for; then only what both measured is compared.
 *
 * @param fingerprint          the run's settings fingerprint
 * @param baselineFingerprint  the baseline's
 * @param differences          the settings that differ (empty when the fingerprints are equal)
 * @param seeds                the seeds both runs declare, the only ones compared
 * @param runOnlySeeds         seeds only the run declares (not compared)
 * @param baselineOnlySeeds    seeds only the baseline declares (not compared)
 * @param configs              the configuration ids compared (null = all of them: same settings)
 */
public record ComparisonScope(String fingerprint, String baselineFingerprint, List<String> differences, List<Long> seeds,
                              List<Long> runOnlySeeds, List<Long> baselineOnlySeeds, Set<String> configs) {

    /**
     * @param intersect compare runs of different settings on the configurations both grids hold, rather
     *                  than refuse them
     * @throws IllegalArgumentException when the settings differ and {@code intersect} is false, or when
     *                                  the runs share no seed or no configuration
     */
    public static ComparisonScope of(SuiteSpec run, SuiteSpec baseline, boolean intersect) {
        List<String> diff = run.settingsDifferences(baseline);
        if (!diff.isEmpty() && !intersect) {
            throw new IllegalArgumentException("the baseline was run with other settings (fingerprint "
                    + baseline.settingsFingerprint() + ", this run " + run.settingsFingerprint() + "): "
                    + String.join("; ", diff.stream().map(d -> d.replace(" vs ", " here vs ") + " in the baseline")
                    .toList()) + ". Compare with a run of the same settings (-Dbaseline=<dir>), or pass"
                    + " -Dcompare.intersect=true to compare only the configurations and seeds both runs have");
        }
        Set<Long> shared = new LinkedHashSet<>(run.axes().seed());
        shared.retainAll(baseline.axes().seed());
        if (shared.isEmpty()) {
            throw new IllegalArgumentException("the run (seeds " + run.axes().seed() + ") and the baseline (seeds "
                    + baseline.axes().seed() + ") share no seed, so no cell can be compared with its twin; re-run"
                    + " with -Dseeds= including one of the baseline's seeds, or pick another -Dbaseline=");
        }
        Set<String> configs = null;
        if (!diff.isEmpty()) {
            configs = configIds(run);
            configs.retainAll(configIds(baseline));
            if (configs.isEmpty()) {
                throw new IllegalArgumentException("the run and the baseline have no configuration in common (they"
                        + " differ in " + String.join("; ", diff) + "; a training setting changes every"
                        + " configuration); nothing to compare");
            }
        }
        return new ComparisonScope(run.settingsFingerprint(), baseline.settingsFingerprint(), List.copyOf(diff),
                List.copyOf(shared), minus(run.axes().seed(), shared), minus(baseline.axes().seed(), shared),
                configs == null ? null : Set.copyOf(configs));
    }

    /** The records this scope compares: shared seeds, and shared configurations when settings differ. */
    public List<CellRecord> restrict(List<CellRecord> records) {
        return records.stream().filter(r -> seeds.contains(r.cell().seed())
                && (configs == null || configs.contains(r.cell().configId()))).toList();
    }

    public boolean sameSettings() {
        return differences.isEmpty();
    }

    private static Set<String> configIds(SuiteSpec suite) {
        Set<String> ids = new LinkedHashSet<>();
        Grid.cells(suite).forEach(c -> ids.add(c.configId()));
        return ids;
    }

    private static List<Long> minus(List<Long> all, Set<Long> shared) {
        return all.stream().filter(s -> !shared.contains(s)).toList();
    }
}
