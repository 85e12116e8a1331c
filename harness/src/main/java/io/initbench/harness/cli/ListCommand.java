package io.initbench.harness.cli;

/** {@code list}: the built-in suites, initializers, activations and datasets. */
final class ListCommand implements CommandHandler {
    @Override
    public int execute(CommandContext ctx) {
        ctx.out().print(HelpText.list());
        return Cli.EXIT_OK;
    }
}
