/**
 * The command line. {@link io.initbench.harness.cli.Main} only hands {@code System} state to
 * {@link io.initbench.harness.cli.Cli}, which reads options from system properties (so that
 * {@code mvn exec:java -Dsuite=... -Depochs=...} works), runs the command (run, report, compare, merge,
 * audit, bench, help, list) and turns every known kind of bad input into one clear line and exit code 2.
 * Every option is declared once in {@link io.initbench.harness.cli.OptionRegistry}; the runnable jar's
 * GNU-style flags ({@link io.initbench.harness.cli.Flags}) are the same options.
 */
package io.initbench.harness.cli;
