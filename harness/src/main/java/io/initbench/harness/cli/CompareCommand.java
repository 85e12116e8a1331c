package io.initbench.harness.cli;

import io.initbench.harness.compare.ComparisonReport;
import io.initbench.harness.compare.ComparisonScope;
import io.initbench.harness.compare.RunComparison;
import io.initbench.harness.output.Outputs;
import io.initbench.harness.result.RunDirectories;
import io.initbench.harness.result.RunStore;
import io.initbench.harness.spec.SuiteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code compare -Drun=<dir> [-Dbaseline=<dir>] [-Dcompare.intersect=true]}: compares a run with a baseline
 * of the same settings (default: the newest earlier such run of the same suite beside it) on the seeds both
 * have; writes {@code compare.md} and {@code compare-junit.xml} into the run directory (or {@code -Dout}).
 * Exit code 1 on a regression, 2 when the settings differ and the intersection was not asked for.
 */
final class CompareCommand implements CommandHandler {
    /** The command line speaks with one voice in the log, whichever command runs. */
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Override
    public int execute(CommandContext ctx) {
        Path dir = ctx.runDir(Options.RUN_DIR);
        boolean intersect = ctx.get(Options.COMPARE_INTERSECT);
        double accTol = ctx.get(Options.ACCURACY_TOLERANCE);
        double speedTol = ctx.get(Options.SPEED_TOLERANCE);
        Path outDir = ctx.find(Options.OUT).map(ctx.workDir()::resolve).orElse(dir);
        try {
            requireRun(dir, "run");
            SuiteSpec suite = RunStore.readSuite(dir);
            Path base;
            if (ctx.find(Options.BASELINE).isPresent()) {
                base = ctx.runDir(Options.BASELINE);
            } else {
                RunDirectories.Baseline chosen = RunDirectories.baseline(dir);
                base = chosen.dir();
                log.info("baseline: {}", chosen.why());
            }
            requireRun(base, "baseline");
            warnIfTorn(ctx, dir, "run");
            warnIfTorn(ctx, base, "baseline");
            ComparisonScope scope = ComparisonScope.of(suite, RunStore.readSuite(base), intersect);
            RunComparison.Result r = new RunComparison(accTol, speedTol).compare(
                    scope.restrict(RunStore.readCells(base)), scope.restrict(RunStore.readCells(dir)));
            Map<String, String> written = Outputs.write(outDir, new ComparisonReport.Comparison(r, scope, suite.name(),
                    dir.toString(), base.toString()), ComparisonReport.outputs());
            ctx.out().println(written.get("compare.md"));
            log.info("compare with {} on seed(s) {}: {} configuration(s), {} change(s) → {}", base, scope.seeds(),
                    r.configs().size(), r.findings().size(), r.regressed() ? "REGRESSION (exit 1)" : "no regression");
            return r.regressed() ? Cli.EXIT_DEVIATION : Cli.EXIT_OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static void requireRun(Path dir, String role) {
        if (!RunStore.requireComplete(dir)) {
            throw new IllegalArgumentException("the " + role + " " + dir + " is not an initbench run directory: it has"
                    + " no " + RunStore.CELLS + "; pass -D" + role + "=<run directory>");
        }
    }

    /** A torn last record makes its cell MISSING below; say that the run is incomplete, not that it lost it. */
    private static void warnIfTorn(CommandContext ctx, Path dir, String role) throws IOException {
        RunStore.Contents c = RunStore.read(dir);
        if (c.tornBytes() > 0) {
            String note = "note: the " + role + " " + dir + " is incomplete: its "
                    + RunStore.cellsFile(dir).getFileName() + " ends with a"
                    + " record torn by a crash (" + c.tornBytes() + " bytes), so that cell is MISSING below; resume"
                    + " the run (run with -Dout=" + dir + ") to finish it";
            log.warn(note);
            ctx.out().println(note);
        }
    }
}
