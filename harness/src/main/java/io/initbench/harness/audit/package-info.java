/**
 * The initializer audit: for each initializer and a set of layer shapes, sample the weights many
 * times and compare the empirical mean, variance and shape of the distribution with what the
 * initializer's name promises ({@link io.initbench.harness.audit.Claim}). Names are not trusted: the
 * audit is how initbench found that DL4J M2.1's LECUN_UNIFORM draws from U[-3/√fan_in, 3/√fan_in]
 * (variance 3/fan_in) instead of LeCun's U[-√(3/fan_in), √(3/fan_in)] (variance 1/fan_in).
 */
package io.initbench.harness.audit;
