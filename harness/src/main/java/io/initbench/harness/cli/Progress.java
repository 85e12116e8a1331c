package io.initbench.harness.cli;

import io.initbench.harness.api.RunListener;
import io.initbench.harness.result.CellRecord;
import io.initbench.harness.result.Metrics;
import io.initbench.harness.spec.CellSpec;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cells done / total, the cell just finished and an ETA: a live bar on a terminal, one log line per
 * cell otherwise (nightly logs stay greppable).
 */
final class Progress implements RunListener {
    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    private final int total;
    private final long start = System.nanoTime();
    private final ProgressBar bar;

    Progress(String suite, int total, boolean interactive) {
        this.total = total;
        this.bar = interactive ? new ProgressBarBuilder().setTaskName(suite).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build() : null;
    }

    @Override
    public void cellStarted(CellSpec cell, int index) {
        if (bar != null) {
            bar.setExtraMessage(cell.label());
        }
    }

    @Override
    public synchronized void cellFinished(CellRecord r, int done, int total) {
        Metrics m = r.metrics();
        Double test = m.accuracy().finalTest();
        String acc = test == null ? "" : String.format(Locale.ROOT, " acc %.4f", test);
        String why = r.reason() == null ? "" : " (" + r.reason() + ")";
        long elapsed = System.nanoTime() - start;
        Duration eta = Duration.ofNanos(elapsed / done * (total - done));
        String line = String.format(Locale.ROOT, "[%d/%d] %s %s%s%s in %.1f s, ETA %dm%02ds", done, total, r.status(),
                r.cell().label(), acc, why, m.timing().wallSeconds(), eta.toMinutes(), eta.toSecondsPart());
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(r.status() + " " + r.cell().label() + acc);
        } else {
            log.info(line);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
