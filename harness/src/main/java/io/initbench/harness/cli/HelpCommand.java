package io.initbench.harness.cli;

/** {@code help [<command>]} or {@code -Dtopic=<command>}: the commands and the options of one or all. */
final class HelpCommand implements CommandHandler {
    @Override
    public int execute(CommandContext ctx) {
        String topic = ctx.arguments().isEmpty() ? ctx.props().get("topic") : ctx.arguments().get(0);
        ctx.out().print(HelpText.help(topic == null || topic.isBlank() ? null : Command.parse(topic)));
        return Cli.EXIT_OK;
    }
}
