package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.initbench.harness.api.RunRequest;
import io.initbench.harness.bench.Workload;
import io.initbench.harness.model.fast.LayerPath;
import io.initbench.harness.report.ColorScale;
import io.initbench.harness.spec.Shard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Typed options: parsing, defaults and checks, each failure naming the option, the value and the fix. */
class OptionTest {
    private enum Colour { RED, DARK_BLUE }

    private static String refused(Option<?> option, String value) {
        return assertThrows(IllegalArgumentException.class, () -> option.find(Map.of(option.name(), value)),
                option.name() + "=" + value).getMessage();
    }

    private static void contains(String message, String... fragments) {
        for (String f : fragments) {
            assertTrue(message.contains(f), "'" + f + "' not in: " + message);
        }
    }

    @Test
    void blankIsNotGiven() {
        for (String blank : new String[] {"", " ", "\t"}) {
            Map<String, String> props = Map.of("workers", blank, "out", blank, "saveModels", blank,
                    "compare.accuracyTolerance", blank);
            assertEquals(Optional.empty(), Options.OUT.find(props));
            assertEquals(RunRequest.defaultWorkers(), Options.WORKERS.get(props));
            assertFalse(Options.SAVE_MODELS.get(props));
            assertEquals(0.005, Options.ACCURACY_TOLERANCE.get(props));
        }
        assertEquals(Optional.empty(), Options.SUITE.find(Map.of()));
        assertEquals(Optional.of("smoke"), Options.SUITE.find(Map.of("suite", " smoke ")), "trimmed");
    }

    @Test
    void defaultsAreTheDeclaredText() {
        Map<String, String> none = Map.of();
        assertEquals(0.10, Options.SPEED_TOLERANCE.get(none));
        assertEquals("0.10", Options.SPEED_TOLERANCE.spec().dflt(), "help shows the default as declared");
        assertEquals(3, Options.BENCH_REPEATS.get(none));
        assertEquals(2_000_000L, Options.AUDIT_SAMPLES.get(none));
        assertEquals(List.of(Workload.values()), Options.BENCH_WORKLOADS.get(none));
        assertEquals(LayerPath.DEFAULT, Options.LAYERS.get(none));
        assertEquals(ColorScale.DEFAULT, Options.COLOR_SCALE.get(none));
        assertEquals(Shard.ALL, Options.SHARD.get(none));
        assertEquals(Command.RUN, Options.COMMAND.get(none));
        // a default computed from another option
        assertEquals(RunRequest.defaultThreads(1), Options.THREADS.get(Map.of("workers", "1")));
        assertEquals(1, Options.THREADS.get(Map.of("workers", "100000")));
        assertEquals(5, Options.THREADS.get(Map.of("workers", "1", "threads", "5")));
        // no default: read with find
        IllegalStateException noDefault = assertThrows(IllegalStateException.class, () -> Options.SUITE.get(none));
        contains(noDefault.getMessage(), "-Dsuite has no default");
        // a declared default that its own checks refuse is a bug, found at declaration
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> Option.integer("x.count")
                .dflt("0").check(n -> n >= 1, "use 1 or more").help("h").commands(Command.RUN).build());
        contains(bad.getMessage(), "x.count", "default '0' is invalid");
    }

    @Test
    void values() {
        assertTrue(Options.SAVE_MODELS.get(Map.of("saveModels", "TRUE")));
        assertFalse(Options.COMPARE_INTERSECT.get(Map.of("compare.intersect", " false ")));
        assertEquals(Path.of("a/b"), Options.OUT.find(Map.of("out", "a/b")).orElseThrow());
        assertEquals(List.of(Path.of("a"), Path.of("b")), Options.INPUTS.find(Map.of("inputs", "a, b")).orElseThrow());
        assertEquals(List.of(Workload.values()[0]), Options.BENCH_WORKLOADS.get(Map.of("bench.workloads",
                Workload.values()[0].key() + "," + Workload.values()[0].key())), "duplicates dropped");
        assertEquals(2, Options.WEIGHT_INIT.find(Map.of("weightInit", "XAVIER,NORMAL(0,0.01)")).orElseThrow().size(),
                "commas inside (...) belong to the value");
        assertEquals(Colour.DARK_BLUE, Option.choice("colour", Colour.class).dflt("red").help("h")
                .commands(Command.RUN).build().get(Map.of("colour", "dark_blue")));
        assertEquals(ColorScale.RUN, Options.COLOR_SCALE.get(Map.of("report.colorScale", "Run")));
    }

    @Test
    void badValuesNameTheOptionTheValueAndTheFix() {
        contains(refused(Options.SAVE_MODELS, "yes"), "-DsaveModels=yes is not true or false",
                "-DsaveModels=true or -DsaveModels=false");
        contains(refused(Options.ACCURACY_TOLERANCE, "NaN"), "-Dcompare.accuracyTolerance=NaN is not a finite number");
        contains(refused(Options.SPEED_TOLERANCE, "Infinity"), "-Dcompare.speedTolerance=Infinity",
                "not a finite number");
        contains(refused(Options.SPEED_TOLERANCE, "fast"), "-Dcompare.speedTolerance=fast is not a number");
        contains(refused(Options.ACCURACY_TOLERANCE, "-0.1"), "-Dcompare.accuracyTolerance=-0.1 is not valid",
                "use 0 or more");
        contains(refused(Options.WORKERS, "two"), "-Dworkers=two is not a whole number");
        contains(refused(Options.WORKERS, "0"), "-Dworkers=0 is not valid; use 1 or more");
        contains(refused(Options.BENCH_GEMM, "99999999999"), "-Dbench.gemm=99999999999 is out of range");
        contains(refused(Options.THREADS, "-1"), "-Dthreads=-1 is not valid", "native threads per worker");
        contains(refused(Options.MAX_STARTS, "0"), "-Dresume.maxStarts=0 is not valid; use 1 or more");
        contains(refused(Options.AUDIT_SAMPLES, "0"), "-Daudit.samples=0 is not valid; use 1 or more");
        // choices: the parser's own message names the option and lists the values
        contains(refused(Options.LAYERS, "quick"), "-Dlayers=quick is not a layer path", "stock", "fast");
        contains(refused(Options.COLOR_SCALE, "linear"), "-Dreport.colorScale=linear", "[error, fixed, run]");
        contains(refused(Options.BENCH_WORKLOADS, "nosuch"), "-Dbench.workloads: 'nosuch' is not a workload",
                Workload.values()[0].key());
        contains(refused(Options.BENCH_WORKLOADS, ","), "-Dbench.workloads=, is not valid; name a workload");
        Option<Colour> colour = Option.choice("colour", Colour.class).dflt("red").help("h").commands(Command.RUN)
                .build();
        contains(refused(colour, "green"), "-Dcolour=green is not one of red, dark_blue", "use -Dcolour=");
        // a parser whose message does not name the option gets the option and value in front
        contains(refused(Options.TOPIC, "nosuch"), "-Dtopic=nosuch is not valid: unknown command 'nosuch'");
        // the suite model's own errors pass as they are (exit 2 all the same)
        contains(assertThrows(io.initbench.harness.spec.SuiteException.class,
                () -> Options.WEIGHT_INIT.find(Map.of("weightInit", "KAIMING"))).getMessage(),
                "unknown weightInit 'KAIMING'", "XAVIER");
    }

    @Test
    void everyOptionIsDeclaredOnceAndRegistered() {
        Set<String> names = new HashSet<>();
        for (Option<?> o : Options.TYPED) {
            assertTrue(names.add(o.name()), o.name() + " declared twice");
            assertEquals(Optional.of(o.spec()), OptionRegistry.get(o.name()), o.name());
        }
        assertEquals(OptionRegistry.get("weightInit"), Optional.of(Options.WEIGHT_INIT.spec()),
                "the typed -DweightInit is the suite override's declaration");
        assertEquals(OptionRegistry.ALL.size(), Options.TYPED.size() + Options.SUITE_OVERRIDES.size());
        // every public constant of Options is in TYPED (or is the suite override read by audit)
        long constants = Arrays.stream(Options.class.getFields()).filter(f -> f.getType() == Option.class).count();
        assertEquals(Options.TYPED.size() + 1, constants);
    }

    private static CommandContext context(Map<String, String> props) {
        return new CommandContext(props, Map.of(), Path.of("/work/dir"), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8), List.of());
    }

    /** The run command is the library's request built from the options, defaults included. */
    @Test
    void theRunCommandsRequestIsTheLibrarysWithTheOptionsApplied() {
        Map<String, String> props = new HashMap<>(Map.of("suite", "smoke", "epochs", "2", "seeds", "1,2",
                "tuning.epochs", "1", "workers", "3", "out", "runs/a", "shard", "1/2", "layers", "stock",
                "saveModels", "true", "report.colorScale", "run"));
        props.put("bench.samples", "5"); // another command's option: not a suite setting
        RunRequest r = RunCommand.request(context(props));
        assertEquals("smoke", r.suite());
        assertEquals(Map.of("epochs", "2", "seeds", "1,2", "tuning.epochs", "1"), r.overrides());
        assertEquals(Path.of("/work/dir"), r.workDir());
        assertEquals(Path.of("runs/a"), r.out());
        assertEquals(3, r.workers());
        assertEquals(RunRequest.defaultThreads(3), r.threads());
        assertEquals(new Shard(1, 2), r.shard());
        assertEquals(LayerPath.STOCK, r.layers());
        assertTrue(r.saveModels());
        assertEquals(ColorScale.RUN, r.colorScale());

        RunRequest defaults = RunCommand.request(context(Map.of("suite", "smoke")));
        RunRequest library = RunRequest.of("smoke").workDir(Path.of("/work/dir")).build();
        assertEquals(library.workers(), defaults.workers());
        assertEquals(library.threads(), defaults.threads());
        assertEquals(library.layers(), defaults.layers());
        assertEquals(library.shard(), defaults.shard());
        assertEquals(library.saveModels(), defaults.saveModels());
        assertEquals(library.maxStarts(), defaults.maxStarts());
        assertEquals(library.colorScale(), defaults.colorScale(), "the library's defaults are the command line's");
        assertEquals(library.out(), defaults.out());
        assertEquals(Map.of(), defaults.overrides());
    }
}
