package io.initbench.harness.result;

/**
 * One weight layer at one moment (step 0 or an evaluation), on the probe or latest training batch:
 * the absolute scale of its gradient and of its output, which ratios between layers cannot show
 * (a network whose gradients are 1e-5 in every layer has healthy ratios). Glorot &amp; Bengio's
 * Fig. 6/7 view, one number per layer.
 *
 * @param layer             DL4J index of the layer's weights (Dense/Conv/Output)
 * @param gradientRms       root mean square of dL/dW over the layer's weights; null if not finite
 * @param activationStd     standard deviation of the layer's nonlinearity output (after BN when on;
 *                          the softmax probabilities for the output layer); null if not finite
 * @param saturatedFraction share of saturated outputs by the activation's rule
 *                          ({@code diagnostics.Saturation}); null for activations without one and for
 *                          the output layer
 * @param deadFraction      ReLU/ReLU6: share of units that output 0 for every example of the batch;
 *                          else null
 */
public record LayerScale(int layer, Double gradientRms, Double activationStd, Double saturatedFraction,
                         Double deadFraction) {
}
