/**
 * The command line. {@link io.initbench.harness.cli.Main} only hands {@code System} state to
 * {@link io.initbench.harness.cli.Cli}, which reads options from system properties (so that
 * {@code mvn exec:java -Dsuite=... -Depochs=...} works), picks the {@link io.initbench.harness.cli.Command}
 * and dispatches to its handler, one small class per command ({@code RunCommand}, {@code ReportCommand},
 * {@code CompareCommand}, {@code MergeCommand}, {@code AuditCommand}, {@code BenchCommand},
 * {@code HelpCommand}, {@code ListCommand}) over the run-directory service
 * {@link io.initbench.harness.result.RunDirectories}, and turns every known kind of bad input into one
 * clear line and exit code 2. Every option is declared once in {@link io.initbench.harness.cli.OptionRegistry};
 * the runnable jar's GNU-style flags ({@link io.initbench.harness.cli.Flags}) are the same options.
 */
package io.initbench.harness.cli;
