package io.initbench.harness.spec;

/** The updaters a suite may name. Nesterov momentum is fixed at 0.9, Adam uses its paper defaults. */
public enum Optimizer {
    SGD, NESTEROVS, ADAM
}
