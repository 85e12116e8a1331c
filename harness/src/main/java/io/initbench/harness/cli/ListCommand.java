package io.initbench.harness.cli;

import io.initbench.harness.spec.SuiteLoader;

/** {@code list}: the built-in suites, initializers, activations and datasets; with {@code -Dlist.names=true} the suite names alone. */
final class ListCommand implements CommandHandler {
    @Override
    public int execute(CommandContext ctx) {
        if (ctx.get(Options.LIST_NAMES)) {
            // the declaration itself, so that a script (results/reference/regenerate.sh) keeps no copy of it
            SuiteLoader.BUILT_IN.forEach(ctx.out()::println);
        } else {
            ctx.out().print(HelpText.list());
        }
        return Cli.EXIT_OK;
    }
}
