package io.initbench.harness.cli;

import io.initbench.datasets.DatasetId;
import io.initbench.datasets.DatasetRef;
import io.initbench.harness.spec.InitSpec;
import io.initbench.harness.spec.SuiteLoader;
import io.initbench.harness.spec.SuiteSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/** What {@code help} and {@code list} print, from {@link OptionRegistry} and the spec's own declarations. */
final class HelpText {
    private HelpText() {
    }

    static final String USAGE = """
            usage: mvn exec:java -Dcommand=<command> -D<option>=<value> ...      (from the repository root)
                   java -jar harness/target/initbench.jar <command> --<option> <value> ...
                   (-D<option>=<value> before -jar works too; --<option>=<value> as well)""";

    /** The commands, then every option (or only those of {@code topic}). */
    static String help(Command topic) {
        StringBuilder sb = new StringBuilder("initbench: weight initializers benchmarked on Deeplearning4j\n")
                .append(USAGE).append("\n\ncommands:\n");
        for (Command c : Command.values()) {
            sb.append(String.format("  %-8s %s%n", c.key(), c.summary()));
        }
        // with a topic the command is chosen already: -Dcommand is no option of it
        List<OptionSpec> options = topic == null ? OptionRegistry.ALL : OptionRegistry.of(topic).stream()
                .filter(o -> !o.name().equals("command")).toList();
        sb.append('\n').append(topic == null ? "options" : "options of " + topic.key())
                .append(" (jar flags | Maven property  type  default  [commands]):\n");
        for (OptionSpec o : options) {
            sb.append(String.format("  %s | -D%s  %s  default: %s  [%s]%n      %s%n", flagForms(o), o.name(),
                    o.type().label(), o.dflt(),
                    o.commands().stream().sorted().map(Command::key).collect(Collectors.joining(", ")), o.help()));
        }
        sb.append("\nOther -D properties (java.*, org.bytedeco.*, maven.*, ...) are passed to the JVM and libraries"
                + " untouched.\n");
        return sb.toString();
    }

    /** {@code --name}, after its short alias when it has one ({@code --mirror, --datasets.mirror}). */
    static String flagForms(OptionSpec o) {
        if (o.name().equals("command")) {
            return "<command>";
        }
        String aliases = Flags.ALIASES.entrySet().stream().filter(e -> e.getValue().equals(o.name()))
                .map(java.util.Map.Entry::getKey).sorted().collect(Collectors.joining(", "));
        return (aliases.isEmpty() ? "" : aliases + ", ") + "--" + o.name();
    }

    /** The built-in suites, initializers, activations and datasets. */
    static String list() {
        StringBuilder sb = new StringBuilder("built-in suites (-Dsuite=<name>, or a .yaml/.json file):\n");
        SuiteLoader loader = new SuiteLoader();
        // the name column fits the longest name, so every description starts in the same column
        int width = SuiteLoader.BUILT_IN.stream().mapToInt(String::length).max().orElse(1);
        for (String name : SuiteLoader.BUILT_IN) {
            SuiteSpec s = loader.load(name, java.util.Map.of());
            String d = s.description() == null ? "" : s.description().strip().replaceAll("\\s+", " ");
            sb.append(String.format("  %-" + width + "s  %s%n", name, d.length() > 100 ? d.substring(0, 97) + "..." : d));
        }
        sb.append("\ninitializers (-DweightInit=a,b,...):\n  ")
                .append(Arrays.stream(WeightInit.values()).filter(w -> w != WeightInit.DISTRIBUTION)
                        .map(Enum::name).collect(Collectors.joining(", ")))
                .append("\n  ").append(String.join(", ", InitSpec.PARAMETERISED)).append('\n');
        sb.append("\nactivations (-Dactivation=a,b,...):\n  ")
                .append(Arrays.stream(Activation.values()).map(Enum::name).collect(Collectors.joining(", ")))
                .append('\n');
        sb.append("\ndatasets (-Ddataset=a,b,...):\n  ")
                .append(Arrays.stream(DatasetId.values()).map(DatasetId::key).collect(Collectors.joining(", ")))
                .append("\n  ").append(DatasetRef.FOLDER_PREFIX).append("<dir>?size=HxW&channels=C[&test=0.2&seed=0]")
                .append("  (an image folder, one sub-folder per class)")
                .append("\n  ").append(DatasetRef.IDX_PREFIX).append("<dir>  (a directory of IDX files)\n");
        return sb.toString();
    }

    /** The option table of docs/manual/options.md (its rows are checked against the registry by a test). */
    static String markdown() {
        StringBuilder sb = new StringBuilder("| option | type | default | commands | what it does |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (OptionSpec o : OptionRegistry.ALL) {
            sb.append("| `-D").append(o.name()).append("=` | ").append(o.type().label()).append(" | ")
                    .append(o.dflt().replace("|", "\\|")).append(" | ")
                    .append(o.commands().size() == Command.values().length ? "all" : o.commands().stream().sorted()
                            .map(Command::key).collect(Collectors.joining(", ")))
                    .append(" | ").append(o.help().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    /** Prints {@link #markdown()}, to regenerate the table of docs/manual/options.md. */
    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
