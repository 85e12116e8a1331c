/**
 * The initializer audit: sample each initializer on a set of layer shapes many times
 * ({@link io.initbench.harness.audit.InitAudit}), or build the networks a suite trains and read every
 * weight layer with the fans DL4J uses for it ({@link io.initbench.harness.audit.NetworkAudit}), and
 * compare the empirical mean, variance and shape of the distribution with what the initializer's name
 * promises ({@link io.initbench.harness.audit.Claim}). Names are not trusted: the audit is how
 * initbench found that DL4J M2.1's LECUN_UNIFORM draws from U[-3/√fan_in, 3/√fan_in] (variance
 * 3/fan_in) instead of LeCun's U[-√(3/fan_in), √(3/fan_in)] (variance 1/fan_in). Deviations that are
 * understood are listed in {@link io.initbench.harness.audit.KnownDeviations} and do not fail it.
 * {@link io.initbench.harness.audit.AuditReport} holds the writers of {@code audit.md} and {@code audit.json}.
 */
package io.initbench.harness.audit;
