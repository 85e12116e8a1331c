package io.initbench.harness.compare;

import io.initbench.harness.result.Provenance;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.spec.SuiteSpec;
import java.io.IOException;
import java.nio.file.Path;

/** The automatic baseline: the newest earlier run beside a run, of the same suite and the same settings. */
public final class Baseline {
    private Baseline() {
    }

    /**
     * The newest run directory beside {@code run} of the same suite with the same
     * {@link SuiteSpec#settingsFingerprint()} (seeds may differ) that started before it. A run of other
     * settings is never picked: its numbers measure something else.
     *
     * @throws IllegalArgumentException when there is none, naming the nearest run of other settings
     */
    public static Path newestMatching(Path run) throws IOException {
        Path self = run.toAbsolutePath().normalize();
        Path parent = self.getParent();
        SuiteSpec suite = RunStore.readSuite(run);
        String fingerprint = suite.settingsFingerprint();
        String started = RunStore.readProvenance(run).run().startedAt();
        Path best = null;
        String bestStarted = null;
        Path other = null;
        String otherStarted = null;
        SuiteSpec otherSuite = null;
        for (Path d : RunStore.runsIn(parent)) {
            if (d.toAbsolutePath().normalize().equals(self)) {
                continue;
            }
            Provenance.Run p = RunStore.readProvenance(d).run();
            if (!p.suite().equals(suite.name()) || p.startedAt().compareTo(started) >= 0) {
                continue;
            }
            SuiteSpec s = RunStore.readSuite(d);
            if (s.settingsFingerprint().equals(fingerprint)) {
                if (bestStarted == null || p.startedAt().compareTo(bestStarted) > 0) {
                    best = d;
                    bestStarted = p.startedAt();
                }
            } else if (otherStarted == null || p.startedAt().compareTo(otherStarted) > 0) {
                other = d;
                otherStarted = p.startedAt();
                otherSuite = s;
            }
        }
        if (best != null) {
            return best;
        }
        String why = other == null ? "" : "; the newest earlier one with other settings, " + other.getFileName()
                + ", differs in " + String.join("; ", suite.settingsDifferences(otherSuite))
                + " (pass -Dbaseline=" + other + " -Dcompare.intersect=true to compare what both measured)";
        throw new IllegalArgumentException("no earlier run of suite " + suite.name() + " with the same settings"
                + " (fingerprint " + fingerprint + ") in " + parent + " to compare " + run.getFileName() + " with" + why
                + "; or pass -Dbaseline=<run directory>");
    }
}
