/**
 * DL4J layers whose forward and backward run in far fewer native calls than DL4J M2.1's own:
 * {@link io.initbench.harness.model.fast.NativeDense} (matrix products on libnd4j's {@code matmul}, the
 * pre-activation kept for backprop, the element-wise rest in Java loops),
 * {@link io.initbench.harness.model.fast.NativeConvolution} (convolution, bias and activation through
 * {@code conv2d}/{@code conv2d_bp}), {@link io.initbench.harness.model.fast.NativeBatchNormalization} (the
 * statistics, normalisation and closed-form backward pass in a few passes over Java copies),
 * {@link io.initbench.harness.model.fast.NativeActivation} (no copies) and
 * {@link io.initbench.harness.model.fast.NativeOutput} (one forward product per training step).
 *
 * <p>Each is a subclass of the stock layer configuration, so the parameter layout, the parameter
 * initialisers (same draws for the same seed), updaters, JSON serialisation and
 * {@code MultiLayerNetwork} stay DL4J's own; only the layer implementation that
 * {@code instantiate} returns differs. Inputs the native paths do not cover (NHWC, causal mode, masks,
 * layer normalisation, non-float data) fall back to the stock implementation. Max-pooling is left stock:
 * DL4J M2.1's {@code SubsamplingLayer} already calls {@code maxpool2d}/{@code maxpool2d_bp}.
 *
 * <p>{@link io.initbench.harness.model.fast.LayerPath} selects between the two paths
 * ({@code -Dlayers=fast|stock}); the equivalence tests hold every fast layer to the stock one. On the fast
 * path {@link io.initbench.harness.model.fast.LayerPath#prepare} also gives the network an
 * {@link io.initbench.harness.model.fast.OwnGradientUpdater}: DL4J's own updater, made to take its standard
 * path instead of the per-parameter view cutting that M2.1 falls into on every step.
 */
package io.initbench.harness.model.fast;
