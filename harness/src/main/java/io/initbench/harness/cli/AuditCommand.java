package io.initbench.harness.cli;

import io.initbench.harness.audit.AuditReport;
import io.initbench.harness.audit.AuditResult;
import io.initbench.harness.audit.AuditShape;
import io.initbench.harness.audit.InitAudit;
import io.initbench.harness.audit.KnownDeviations;
import io.initbench.harness.audit.NetworkAudit;
import io.initbench.harness.result.RunDirectories;
import io.initbench.harness.spec.Grid;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import io.initbench.harness.train.NativeThreads;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code audit}: with {@code -Dsuite}, builds each configuration's network and audits its weight layers;
 * without, audits {@code -DweightInit} (or every initializer) on the standard shapes. Writes audit.md and
 * audit.json; exit code 1 when a deviation is not on the known list ({@code -Daudit.knownDeviations=}
 * replaces the built-in one).
 */
final class AuditCommand implements CommandHandler {
    /** The command line speaks with one voice in the log, whichever command runs. */
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    @Override
    public int execute(CommandContext ctx) {
        KnownDeviations known = ctx.find(Options.AUDIT_KNOWN_DEVIATIONS).map(KnownDeviations::read)
                .orElseGet(KnownDeviations::builtIn);
        NativeThreads.configure(ctx.get(Options.THREADS));
        // checked before any work like every option of the command; the networks are built on the layer
        // path of the JVM (LayerPath.selected), which is this option whenever it is a system property
        ctx.get(Options.LAYERS);
        AuditResult result;
        Optional<String> suiteName = ctx.find(Options.SUITE);
        if (suiteName.isPresent()) {
            SuiteSpec suite = new SuiteLoader().load(suiteName.get(), ctx.suiteOverrides());
            result = new AuditResult.Networks(suite.name(), new NetworkAudit(known).run(Grid.cells(suite)));
        } else {
            List<InitSpec> inits = ctx.find(Options.WEIGHT_INIT).orElseGet(InitAudit::defaultInitializers);
            long samples = ctx.get(Options.AUDIT_SAMPLES);
            long seed = ctx.get(Options.AUDIT_SEED);
            result = new AuditResult.Initializers(new InitAudit(samples, seed, known).run(inits, AuditShape.DEFAULTS),
                    samples, seed);
        }
        Path dir = ctx.outputDir("audit", RunDirectories.timestamp(Instant.now()));
        Map<String, String> written = ctx.write(dir, result, AuditReport.outputs());
        ctx.out().println(written.get("audit.md"));
        log.info("audit of {}: {} new and {} known deviation(s) in {} checks → {}", result.subject(),
                result.failures(), result.knownDeviations(), result.checks().size(), dir.resolve("audit.md"));
        return result.failures() == 0 ? Cli.EXIT_OK : Cli.EXIT_DEVIATION;
    }
}
