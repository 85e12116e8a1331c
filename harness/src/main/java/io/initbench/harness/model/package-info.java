/**
 * From a cell spec to a DL4J network: {@link io.initbench.harness.model.ModelFactory} builds the
 * {@code MultiLayerConfiguration}, {@link io.initbench.harness.model.Initializers} maps a suite's
 * initializer name to a DL4J {@code IWeightInit}.
 *
 * <p>BatchNorm placement: DL4J's BatchNormalization ignores its own activation (it returns the
 * pre-activation), so a BN layer is always built as Dense/Conv (IDENTITY, no bias: BN's beta replaces
 * it) → BatchNormalization → ActivationLayer. With BN off, the activation sits in the Dense/Conv layer
 * itself and the layer has a bias initialised by the cell's biasInit. The output layer (softmax,
 * cross-entropy) never has BN and uses the cell's initializer like every other weight layer.
 */
package io.initbench.harness.model;
