/**
 * What to run. A suite file (YAML or JSON) declares axes and training settings; it is merged over
 * named defaults, overridden by {@code -D} properties and only then bound to validating records, so
 * an override gets exactly the checks a file gets. {@link io.initbench.harness.spec.Grid} expands a
 * suite into the cartesian product of its axes: one {@link io.initbench.harness.spec.CellSpec} per
 * training run, each with a stable id.
 */
package io.initbench.harness.spec;
