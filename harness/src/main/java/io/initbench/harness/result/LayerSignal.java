package io.initbench.harness.result;

/**
 * One hidden layer at step 0 (after init, before any update, on one training batch).
 *
 * @param layer              DL4J layer index of the layer's weights (Dense/Conv)
 * @param preActMean         mean of the input to the nonlinearity (after BN when BN is on)
 * @param actMean            mean of the nonlinearity's output
 * @param gradientNorm       L2 norm of the loss gradient w.r.t. this layer's weights
 * @param saturatedFraction  share of saturated outputs by the activation's rule ({@code diagnostics.Saturation}:
 *                           derivative at most 2 % of its maximum); null for activations without one
 * @param deadFraction       relu/relu6: share of units that output 0 for every example of the batch; else null
 */
public record LayerSignal(int layer, double preActMean, double preActStd, double actMean, double actStd,
                          double gradientNorm, Double saturatedFraction, Double deadFraction) {
}
