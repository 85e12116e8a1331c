package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.datasets.DatasetId;
import io.initbench.harness.spec.Parameter;
import io.initbench.harness.spec.SuiteLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

/** The option registry: misspelt options stop a run before any work; help, list and the manual's option table follow it. */
class OptionRegistryTest {
    @TempDir
    Path tmp;

    private String message(Map<String, String> props, Command command) {
        return assertThrows(IllegalArgumentException.class, () -> OptionRegistry.check(props, command)).getMessage();
    }

    @Test
    void misspeltOptionFailsBeforeAnyWorkNamingTheRightOne() {
        Path out = tmp.resolve("never");
        Map<String, String> props = Map.of("suite", "smoke", "epoch", "3", "out", out.toString());
        assertEquals(Cli.EXIT_BAD_INPUT, TestRuns.cli(tmp, props).run(new String[0]));
        assertFalse(Files.exists(out), "a rejected run must not create its directory");
        assertFalse(Files.exists(tmp.resolve("cache")), "a rejected run must not touch the dataset cache");
        assertTrue(message(props, Command.RUN).contains("did you mean -Depochs?"), message(props, Command.RUN));

        Map<String, String> rate = Map.of("suite", "smoke", "learningRat", "0.01");
        assertEquals(Cli.EXIT_BAD_INPUT, TestRuns.cli(tmp, rate).run(new String[] {"run"}));
        assertTrue(message(rate, Command.RUN).contains("did you mean -DlearningRate?"));
        // a slip in one of our dotted names, and in a prefix
        assertTrue(message(Map.of("compare.speedTolerence", "0.2"), Command.COMPARE)
                .contains("-Dcompare.speedTolerance"));
        assertTrue(message(Map.of("dataset.mirror", "x"), Command.RUN).contains("-Ddatasets.mirror"));
        assertTrue(message(Map.of("train.sise", "10"), Command.RUN).contains("-Dtrain.size"));
        // the command itself is checked too
        assertEquals(Cli.EXIT_BAD_INPUT, TestRuns.cli(tmp, Map.of()).run(new String[] {"rnu"}));
    }

    @Test
    void propertiesOfTheJvmMavenAndLibrariesPass() {
        Map<String, String> props = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> props.put(k, System.getProperty(k)));
        props.keySet().removeIf(k -> k.startsWith("initbench.")); // the tests' own switches
        props.putAll(Map.of("org.bytedeco.javacpp.maxbytes", "4G", "maven.home", "/usr/share/maven",
                "classworlds.conf", "/x", "skipTests", "true", "skipFuzz", "true", "unrelated.property", "1",
                "logback.configurationFile", "x.xml", "suite", "smoke", "epochs", "1"));
        props.putAll(Map.of("interactiveMode", "false", "https.protocols", "TLSv1.2"));
        assertEquals(List.of(), OptionRegistry.check(props, Command.RUN));
    }

    @Test
    void optionOfAnotherCommandIsAcceptedWithAWarning() {
        List<String> warnings = OptionRegistry.check(Map.of("suite", "smoke", "bench.samples", "2"), Command.RUN);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("-Dbench.samples is not read by command run"), warnings.get(0));
    }

    @Test
    void everySuiteOverrideIsRegisteredOnce() {
        for (String key : SuiteLoader.OVERRIDES.keySet()) {
            assertTrue(OptionRegistry.get(key).isPresent(), key);
        }
        for (Parameter p : Parameter.ALL) {
            p.overrides().forEach(o -> assertTrue(OptionRegistry.get(o).isPresent(), o));
        }
        assertEquals(OptionSpec.Type.INT, OptionRegistry.get("epochs").orElseThrow().type());
        assertEquals(OptionSpec.Type.LIST, OptionRegistry.get("weightInit").orElseThrow().type());
    }

    private String run(Map<String, String> props, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        assertEquals(Cli.EXIT_OK, TestRuns.cli(tmp, props, stdout).run(args));
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndOption() {
        String help = run(Map.of("command", "help"));
        for (Command c : Command.values()) {
            assertTrue(help.contains("  " + c.key() + " "), c.key());
        }
        for (OptionSpec o : OptionRegistry.ALL) {
            assertTrue(help.contains("-D" + o.name() + "  " + o.type().label() + "  default: " + o.dflt()), o.name());
            assertTrue(help.contains(o.help()), o.name());
        }
        String compare = run(Map.of("command", "help", "topic", "compare"));
        assertEquals(compare, run(Map.of(), "help", "compare"));
        assertTrue(compare.contains("-Dcompare.speedTolerance"));
        assertFalse(compare.contains("-Dbench.samples"), "help compare lists only compare's options");
        assertEquals(Cli.EXIT_BAD_INPUT, TestRuns.cli(tmp, Map.of()).run(new String[] {"help", "nosuch"}));
    }

    @Test
    void listNamesSuitesInitializersActivationsAndDatasets() {
        String list = run(Map.of("command", "list"));
        SuiteLoader.BUILT_IN.forEach(s -> assertTrue(list.contains("  " + s + " "), s));
        for (WeightInit w : WeightInit.values()) {
            assertTrue(w == WeightInit.DISTRIBUTION || list.contains(w.name()), w.name());
        }
        assertTrue(list.contains("ORTHOGONAL(gain)") && list.contains("LSUV(tol,maxIter)"));
        for (Activation a : Activation.values()) {
            assertTrue(list.contains(a.name()), a.name());
        }
        for (DatasetId d : DatasetId.values()) {
            assertTrue(list.contains(d.key()), d.key());
        }
        assertTrue(list.contains("folder:") && list.contains("idx:"));
        // what results/reference/regenerate.sh iterates: the names alone, one per line, in declaration order
        assertEquals(SuiteLoader.BUILT_IN, run(Map.of("command", "list", "list.names", "true")).lines().toList());
    }

    /** The option table of the manual: rows whose first cell names -D options, under "## All options". */
    @Test
    void manualOptionTableMatchesTheRegistry() throws Exception {
        Path page = Path.of("..", "docs", "manual", "options.md");
        String text = Files.readString(page);
        int start = text.indexOf("\n## All options");
        assertTrue(start >= 0, page + " has no '## All options' section");
        int end = text.indexOf("\n## ", start + 1);
        String section = text.substring(start, end < 0 ? text.length() : end);
        Set<String> documented = new TreeSet<>();
        Pattern option = Pattern.compile("-D([a-zA-Z][a-zA-Z0-9.]*)");
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| ")) {
                continue;
            }
            Matcher m = option.matcher(line.split("\\|")[1]);
            while (m.find()) {
                documented.add(m.group(1));
            }
        }
        Set<String> registered = new TreeSet<>();
        OptionRegistry.ALL.forEach(o -> registered.add(o.name()));
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(registered);
        assertEquals(Set.of(), missing, "registered options the option table of " + page + " does not list");
        assertEquals(Set.of(), unknown, "options in the table of " + page + " that are not registered");
    }

    @Test
    void flagsAreTheSameOptionsAsProperties() {
        Flags.Parsed p = Flags.parse(new String[] {"run", "--suite", "smoke", "--epochs", "3", "--mirror", "m",
            "--saveModels", "--train.size=100", "-Dworkers=1"});
        assertEquals(List.of("run"), p.arguments());
        assertEquals(Map.of("suite", "smoke", "epochs", "3", "datasets.mirror", "m", "saveModels", "true",
                "train.size", "100", "workers", "1"), p.options());
        assertEquals(List.of("help", "compare"), Flags.parse(new String[] {"help", "compare"}).arguments());
        assertEquals(List.of("help"), Flags.parse(new String[] {"--help"}).arguments());
        String msg = assertThrows(IllegalArgumentException.class,
                () -> Flags.parse(new String[] {"run", "--epoch", "3"})).getMessage();
        assertTrue(msg.contains("did you mean --epochs"), msg);
    }

    /** A misspelt short flag gets a "did you mean"; replies to flag users are in flag syntax. */
    @Test
    void flagUsersGetFlagSuggestionsAndReplies() {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> Flags.parse(new String[] {"run", "--mirorr", "m"})).getMessage();
        assertTrue(msg.contains("did you mean --mirror?"), msg);
        assertEquals("pass --out <dir>, or --seeds 1,2 (--saveModels); -Xmx and -Dorg.bytedeco.javacpp.maxbytes stay",
                Flags.inFlagSyntax("pass -Dout=<dir>, or -Dseeds=1,2 (-DsaveModels); -Xmx and"
                        + " -Dorg.bytedeco.javacpp.maxbytes stay"));
        assertEquals("Nothing was run; help lists every option",
                Flags.inFlagSyntax("Nothing was run; -Dcommand=help lists every option"));
        assertTrue(Flags.usesFlags(new String[] {"run", "--suite", "smoke"}));
        assertFalse(Flags.usesFlags(new String[] {"run"}));
        assertFalse(Flags.usesFlags(new String[] {"run", "--suite", "smoke", "-DlearningRat=0.1"}),
                "who typed -D reads -D");
    }

    /** help shows the jar's flags (with the short aliases) beside the properties; help run has no -Dcommand. */
    @Test
    void helpShowsFlagFormsAndNoCommandOptionUnderACommand() {
        String help = run(Map.of("command", "help"));
        assertTrue(help.contains("--mirror, --datasets.mirror | -Ddatasets.mirror  "), help);
        assertTrue(help.contains("--cache, --datasets.dir | -Ddatasets.dir  "), help);
        assertTrue(help.contains("--verify, --datasets.verify | -Ddatasets.verify  "), help);
        assertTrue(help.contains("--epochs | -Depochs  "), help);
        String runHelp = run(Map.of(), "help", "run");
        assertFalse(runHelp.contains("-Dcommand "), runHelp);
        assertTrue(runHelp.contains("--suite | -Dsuite  "), runHelp);
    }
}
