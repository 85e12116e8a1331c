package io.initbench.harness.cli;

/** {@code help [<command>]} or {@code -Dtopic=<command>}: the commands and the options of one or all. */
final class HelpCommand implements CommandHandler {
    @Override
    public int execute(CommandContext ctx) {
        // the argument wins over -Dtopic; a blank one asks for every command
        Command topic = ctx.arguments().isEmpty() ? ctx.find(Options.TOPIC).orElse(null)
                : ctx.arguments().get(0).isBlank() ? null : Command.parse(ctx.arguments().get(0));
        ctx.out().print(HelpText.help(topic));
        return Cli.EXIT_OK;
    }
}
