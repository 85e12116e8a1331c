package io.initbench.harness.cli;

import io.initbench.datasets.DatasetException;
import io.initbench.harness.spec.SuiteException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the command ({@code args[0]} or {@code -Dcommand}), checks the options against the registry,
 * dispatches to the command's {@link CommandHandler} and maps failures to exit codes. Inputs are explicit
 * (properties, environment, working directory, standard output), for testability.
 */
public final class Cli {
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 2;
    /** An unexpected failure: a bug or a broken installation (sysexits EX_SOFTWARE). */
    public static final int EXIT_INTERNAL = 70;
    /**
     * Reading or writing failed for a reason other than the input: a full disk, an I/O error, a file that
     * vanished mid-run (sysexits EX_IOERR). Bad paths the user gave are {@link #EXIT_BAD_INPUT}.
     */
    public static final int EXIT_IO = 74;
    /** The audit found an initializer that does not do what its name says, or compare found a regression. */
    public static final int EXIT_DEVIATION = 1;

    private final CommandContext context;
    /** Replies in the jar's flag syntax ({@code --out <dir>}) instead of {@code -Dout=<dir>}. */
    private boolean flagSyntax;
    /**
     * Warnings already given by this JVM: one command per process in use, but a test or a script that
     * builds many Clis with one set of options would otherwise repeat each warning per command.
     */
    private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Cli(Map<String, String> props, Map<String, String> env, Path workDir, PrintStream out) {
        this.context = new CommandContext(props, env, workDir, out, List.of());
    }

    /** Replies in the jar's flag syntax when the user gave flags ({@link Flags#usesFlags}). */
    public Cli flagSyntax(boolean flags) {
        this.flagSyntax = flags;
        return this;
    }

    private String speak(String message) {
        return flagSyntax ? Flags.inFlagSyntax(message) : message;
    }

    /** What every command of this Cli reads. */
    CommandContext context() {
        return context;
    }

    /** Runs {@code args[0]} or {@code -Dcommand} (default run) and maps failures to exit codes. */
    public int run(String[] args) {
        try {
            // before any work: a misspelt option must not cost a run at the wrong settings
            Command command = args.length > 0 ? Command.parse(args[0]) : context.get(Options.COMMAND);
            OptionRegistry.check(context.props(), command).stream().filter(WARNED::add)
                    .forEach(w -> log.warn(speak(w)));
            List<String> rest = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
            return CommandHandler.of(command).execute(new CommandContext(context.props(), context.env(),
                    context.workDir(), context.out(), rest));
        } catch (UncheckedIOException e) {
            log.error(speak(e.getMessage()));
            return isBadInput(e.getCause()) ? EXIT_BAD_INPUT : EXIT_IO;
        } catch (SuiteException | DatasetException | IllegalArgumentException e) {
            log.error(speak(e.getMessage()));
            return EXIT_BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("interrupted");
            return 130;
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            // a bug or a broken classpath, not bad input: say so with the trace, rather than let
            // exec:java report it as "mainClass doesn't contain a main method"
            log.error("internal error (please report it with this trace): {}", e.toString(), e);
            return EXIT_INTERNAL;
        }
    }

    /**
     * Whether an I/O failure is the user's input (a path that does not exist, is not a directory, may not
     * be written, or a file whose content initbench refuses) rather than the machine's (a full disk, an I/O
     * error): the first is fixed by other input (exit 2), the second by fixing the machine (exit 74).
     */
    static boolean isBadInput(Throwable cause) {
        String m = cause == null ? "" : String.valueOf(cause.getMessage());
        if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            m = m + " " + fs.getReason();
        }
        // the device is the trouble, not what the user asked for: any other failure names a path or content
        // the user can change (missing, not a directory, not writable, read-only, refused content)
        return !(m.contains("No space left on device") || m.contains("Input/output error")
                || m.contains("Disk quota exceeded") || m.contains("Stale file handle")
                || m.contains("Too many open files"));
    }

    /**
     * Runs one command by name, without the option check, and returns its exit code; bad input is thrown as
     * SuiteException, DatasetException, IllegalArgumentException or UncheckedIOException, each with a
     * message that names the problem and the fix.
     */
    public int execute(String command) throws InterruptedException {
        return CommandHandler.of(Command.parse(command)).execute(context);
    }
}
