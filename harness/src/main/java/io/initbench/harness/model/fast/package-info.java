/**
 * DL4J layers whose forward and backward run libnd4j's fused native ops instead of DL4J M2.1's
 * Java-side im2col + gemm and element-wise BatchNorm: {@link io.initbench.harness.model.fast.NativeConvolution}
 * (convolution, bias and activation through {@code conv2d}/{@code conv2d_bp}) and
 * {@link io.initbench.harness.model.fast.NativeBatchNormalization} ({@code batchnorm}/{@code batchnorm_bp}
 * through DL4J's own, otherwise unreachable, helper), for convolutional and dense inputs alike.
 *
 * <p>Each is a subclass of the stock layer configuration, so the parameter layout, the parameter
 * initialisers (same draws for the same seed), updaters, JSON serialisation and
 * {@code MultiLayerNetwork} stay DL4J's own; only the layer implementation that
 * {@code instantiate} returns differs. Configurations the native path does not cover (NHWC,
 * causal mode) fall back to the stock implementation. Max-pooling is left stock: DL4J M2.1's
 * {@code SubsamplingLayer} already calls {@code maxpool2d}/{@code maxpool2d_bp}.
 *
 * <p>{@link io.initbench.harness.model.fast.LayerPath} selects between the two paths
 * ({@code -Dlayers=fast|stock}).
 */
package io.initbench.harness.model.fast;
