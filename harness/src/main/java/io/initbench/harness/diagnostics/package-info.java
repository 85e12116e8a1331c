/**
 * Signal-propagation diagnostics: what an initializer does to a network before and while it trains.
 * {@link io.initbench.harness.diagnostics.SignalProbe} measures per-layer pre-activation and activation
 * statistics at step 0, and every weight layer's gradient RMS, activation std, saturation and dead
 * units at step 0 and at every evaluation, with update ratios during training;
 * {@link io.initbench.harness.diagnostics.Saturation} declares when a unit counts as saturated, per
 * activation, from one derivative bound; {@link io.initbench.harness.diagnostics.SymmetryCheck} counts
 * the distinct units of each layer (symmetric init collapses a layer to one);
 * {@link io.initbench.harness.diagnostics.GradientTrend} reads the trend of per-layer gradient RMS through
 * depth (shrinking, growing, even), and {@link io.initbench.harness.diagnostics.ScaleJudgement} judges the
 * absolute scale (update against the weights, dead/saturated share, learning outcome) into the
 * vanishing / exploding / healthy verdict. None of them changes the network's parameters or updater
 * state, so a cell's numbers are the same with or without them.
 */
package io.initbench.harness.diagnostics;
