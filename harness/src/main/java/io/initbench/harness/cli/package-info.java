/**
 * The command line. {@link io.initbench.harness.cli.Main} only hands {@code System} state to
 * {@link io.initbench.harness.cli.Cli}, which reads options from system properties (so that
 * {@code mvn exec:java -Dsuite=... -Depochs=...} works), picks the {@link io.initbench.harness.cli.Command}
 * and dispatches to its handler, one small class per command ({@code RunCommand}, {@code ReportCommand},
 * {@code CompareCommand}, {@code MergeCommand}, {@code AuditCommand}, {@code BenchCommand},
 * {@code HelpCommand}, {@code ListCommand}) over the run-directory service
 * {@link io.initbench.harness.result.RunDirectories}, and turns every known kind of bad input into one
 * clear line and exit code 2. Every option is declared once, typed, in {@link io.initbench.harness.cli.Options}
 * (an {@link io.initbench.harness.cli.Option} owns its name, parse, default and checks; commands read
 * {@code ctx.get(Options.WORKERS)}); {@link io.initbench.harness.cli.OptionRegistry} derives help, the
 * manual's table and the misspelling check from it, and the runnable jar's GNU-style flags
 * ({@link io.initbench.harness.cli.Flags}) are the same options. The {@code run} command is the library's
 * {@link io.initbench.harness.api.Runner} over a {@link io.initbench.harness.api.RunRequest} built from them.
 */
package io.initbench.harness.cli;
