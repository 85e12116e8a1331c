package io.initbench.harness.cli;

/**
 * What each {@link Command} does: one small class per command over the run-directory service
 * ({@link io.initbench.harness.result.RunDirectories}) and the output writers. Sealed, and looked up by an
 * exhaustive switch, so a command declared without a handler does not compile.
 */
sealed interface CommandHandler permits RunCommand, ReportCommand, CompareCommand, MergeCommand, AuditCommand,
        BenchCommand, HelpCommand, ListCommand {

    /**
     * Runs the command and returns its exit code; bad input is thrown as SuiteException, DatasetException,
     * IllegalArgumentException or UncheckedIOException, each with a message that names the problem and the fix.
     */
    int execute(CommandContext ctx) throws InterruptedException;

    static CommandHandler of(Command command) {
        return switch (command) {
            case RUN -> new RunCommand();
            case REPORT -> new ReportCommand();
            case COMPARE -> new CompareCommand();
            case MERGE -> new MergeCommand();
            case AUDIT -> new AuditCommand();
            case BENCH -> new BenchCommand();
            case HELP -> new HelpCommand();
            case LIST -> new ListCommand();
        };
    }
}
