package io.initbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line reads options only through their typed declarations ({@code ctx.get(Options.X)}):
 * a read by key ({@code props.get("out")}, {@code getOrDefault("merge.partial", "false")}) would state a
 * default or a parse a second time, and would escape the option's checks.
 */
class TypedReadsTest {
    private static final Path CLI = Path.of("src", "main", "java", "io", "initbench", "harness", "cli");

    /** A string-keyed read of a map or of the JVM's properties. */
    static final Pattern KEYED_READ = Pattern.compile(
            "(?:\\bprops\\b|\\bproperties\\b|props\\(\\))\\s*\\.\\s*(?:get|getOrDefault|containsKey)\\s*\\(\\s*\""
                    + "|\\bgetOrDefault\\s*\\(\\s*\"|System\\.getProperty\\s*\\(\\s*\"|Boolean\\.getBoolean\\s*\\(\\s*\""
                    + "|Integer\\.getInteger\\s*\\(\\s*\"|Long\\.getLong\\s*\\(\\s*\"");

    /** The raw properties reach a command class only through the context's typed accessors. */
    static final Pattern RAW_PROPS = Pattern.compile("\\.props\\(\\)");

    /** Where {@code source} breaks the rule, as "line: text". */
    static List<String> violations(String source, boolean commandClass) {
        List<String> found = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (KEYED_READ.matcher(line).find() || commandClass && RAW_PROPS.matcher(line).find()) {
                found.add((i + 1) + ": " + line.strip());
            }
        }
        return found;
    }

    @Test
    void theRuleCatchesKeyedReads() {
        assertEquals(1, violations("String v = props.get(\"out\");", false).size());
        assertEquals(1, violations("boolean p = Boolean.parseBoolean(x.getOrDefault(\"merge.partial\", \"false\"));",
                false).size());
        assertEquals(1, violations("if (ctx.props().get( \"suite\") != null) {", false).size());
        assertEquals(1, violations("Map<String, String> props = ctx.props();", true).size());
        assertEquals(1, violations("long n = Long.getLong(\"audit.samples\", 5);", false).size());
        assertEquals(0, violations("ctx.out().println(written.get(\"matrix.md\"));", true).size(),
                "a map of outputs by file name is no option");
        assertEquals(0, violations("int w = ctx.get(Options.WORKERS);", true).size());
    }

    @Test
    void noCommandLineSourceReadsAnOptionByKey() throws Exception {
        assertTrue(Files.isDirectory(CLI), CLI.toAbsolutePath() + " (the test runs in the harness module)");
        List<String> found = new ArrayList<>();
        int commands = 0;
        try (Stream<Path> files = Files.list(CLI)) {
            // CheckoutLauncher starts the CLI and reads no option: only the JVM's and Maven's own properties
            // (maven.home, maven.multiModuleProjectDirectory, os.name, sun.java.command)
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("CheckoutLauncher.java")).sorted().toList()) {
                String source = Files.readString(f);
                boolean commandClass = source.contains("implements CommandHandler");
                commands += commandClass ? 1 : 0;
                violations(source, commandClass).forEach(v -> found.add(f.getFileName() + ":" + v));
            }
        }
        assertEquals(Command.values().length, commands, "one handler per command, each scanned");
        assertEquals(List.of(), found, "read options with ctx.get(Options.X) / ctx.find(Options.X), declared in"
                + " Options, and the suite settings with ctx.suiteOverrides()");
    }
}
