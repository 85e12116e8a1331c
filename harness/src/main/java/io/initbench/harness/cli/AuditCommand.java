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
        Map<String, String> props = ctx.props();
        Options opts = ctx.options();
        KnownDeviations known = props.get("audit.knownDeviations") == null ? KnownDeviations.builtIn()
                : KnownDeviations.read(Path.of(props.get("audit.knownDeviations")));
        NativeThreads.configure(opts.threads());
        AuditResult result;
        if (props.get("suite") != null) {
            SuiteSpec suite = new SuiteLoader().load(props.get("suite"), props);
            result = new AuditResult.Networks(suite.name(), new NetworkAudit(known).run(Grid.cells(suite)));
        } else {
            List<InitSpec> inits = props.get("weightInit") != null
                    ? SuiteLoader.splitTopLevel(props.get("weightInit")).stream().map(InitSpec::parse).toList()
                    : InitAudit.defaultInitializers();
            long samples = Options.longProp(props, "audit.samples");
            long seed = Options.longProp(props, "audit.seed");
            if (samples < 1) {
                throw new IllegalArgumentException("-Daudit.samples=" + samples + " is not valid; use 1 or more");
            }
            result = new AuditResult.Initializers(new InitAudit(samples, seed, known).run(inits, AuditShape.DEFAULTS),
                    samples, seed);
        }
        Path dir = ctx.outputDir(opts, "audit", RunDirectories.timestamp(Instant.now()));
        Map<String, String> written = ctx.write(dir, result, AuditReport.outputs());
        ctx.out().println(written.get("audit.md"));
        log.info("audit of {}: {} new and {} known deviation(s) in {} checks → {}", result.subject(),
                result.failures(), result.knownDeviations(), result.checks().size(), dir.resolve("audit.md"));
        return result.failures() == 0 ? Cli.EXIT_OK : Cli.EXIT_DEVIATION;
    }
}
