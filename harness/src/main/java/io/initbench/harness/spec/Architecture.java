package io.initbench.harness.spec;

/**
 * Network families. {@code depth} and {@code width} mean:
 * <ul>
 *   <li>{@link #MLP}: {@code depth} hidden dense layers of {@code width} units.</li>
 *   <li>{@link #CNN}: {@code depth} conv blocks (3×3, same padding, 32·2^i channels, each followed by
 *       2×2 max pooling), then one dense layer of {@code width} units.</li>
 * </ul>
 * Either way the output is a softmax layer over the dataset's classes.
 */
public enum Architecture {
    MLP, CNN
}
