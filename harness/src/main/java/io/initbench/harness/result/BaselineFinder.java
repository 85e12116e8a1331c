package io.initbench.harness.result;

import io.initbench.harness.spec.SuiteSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The automatic baseline of a run ({@link RunDirectories#baseline}): among the run directories beside it,
 * the last one of the same suite and settings made before it, in run order.
 */
final class BaselineFinder {
    private final Path run;
    private final SuiteSpec suite;
    private final String fingerprint;
    private final RunOrder me;
    private Path best;
    private RunOrder bestOrder;
    private Path other;
    private RunOrder otherOrder;
    private SuiteSpec otherSuite;

    private BaselineFinder(Path run) throws IOException {
        this.run = run;
        this.suite = RunStore.readSuite(run);
        this.fingerprint = suite.settingsFingerprint();
        this.me = RunOrder.of(run);
    }

    static RunDirectories.Baseline find(Path run) throws IOException {
        Path self = run.toAbsolutePath().normalize();
        Path parent = self.getParent();
        BaselineFinder f = new BaselineFinder(run);
        for (Path d : RunStore.runsIn(parent)) {
            if (!d.toAbsolutePath().normalize().equals(self)) {
                f.consider(d);
            }
        }
        return f.result(parent);
    }

    /** Keeps {@code d} as the best so far, or as the nearest run of other settings, when it is one. */
    private void consider(Path d) throws IOException {
        Provenance.Run p = RunStore.readProvenance(d).run();
        RunOrder order = RunOrder.of(d);
        if (!p.suite().equals(suite.name()) || order.compareTo(me) >= 0) {
            return;
        }
        SuiteSpec s = RunStore.readSuite(d);
        if (s.settingsFingerprint().equals(fingerprint)) {
            if (bestOrder == null || order.compareTo(bestOrder) > 0) {
                best = d;
                bestOrder = order;
            }
        } else if (otherOrder == null || order.compareTo(otherOrder) > 0) {
            other = d;
            otherOrder = order;
            otherSuite = s;
        }
    }

    private RunDirectories.Baseline result(Path parent) {
        if (best != null) {
            return new RunDirectories.Baseline(best, best.getFileName() + " (" + bestOrder + "), the last run of suite "
                    + suite.name() + " with the same settings made before " + run.getFileName() + " (" + me + ")");
        }
        String why = other == null ? "" : "; the newest earlier one with other settings, " + other.getFileName()
                + ", differs in " + String.join("; ", suite.settingsDifferences(otherSuite))
                + " (pass -Dbaseline=" + other + " -Dcompare.intersect=true to compare what both measured)";
        throw new IllegalArgumentException("no earlier run of suite " + suite.name() + " with the same settings"
                + " (fingerprint " + fingerprint + ") in " + parent + " to compare " + run.getFileName() + " with" + why
                + "; or pass -Dbaseline=<run directory>");
    }

    /** A run's place in run order: its number, then (for runs without one) its start time. */
    private record RunOrder(long sequence, String startedAt) implements Comparable<RunOrder> {
        static RunOrder of(Path dir) throws IOException {
            return new RunOrder(RunStore.sequence(dir), RunStore.readProvenance(dir).run().startedAt());
        }

        @Override
        public int compareTo(RunOrder o) {
            if (sequence != o.sequence) {
                return Long.compare(sequence, o.sequence);
            }
            return startedAt.compareTo(o.startedAt);
        }

        @Override
        public String toString() {
            return sequence > 0 ? "run " + sequence : "started " + startedAt;
        }
    }
}
