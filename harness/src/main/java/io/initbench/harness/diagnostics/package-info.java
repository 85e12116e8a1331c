/**
 * Signal-propagation diagnostics: what an initializer does to a network before and while it trains.
 * {@link io.initbench.harness.diagnostics.SignalProbe} measures per-layer pre-activation and activation
 * statistics, gradient norms, saturation and dead units at step 0, and gradient norms and update
 * ratios during training; {@link io.initbench.harness.diagnostics.SymmetryCheck} counts the distinct
 * units of each layer (symmetric init collapses a layer to one). None of them changes the network's
 * parameters or updater state, so a cell's numbers are the same with or without them.
 */
package io.initbench.harness.diagnostics;
