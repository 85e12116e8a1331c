package io.initbench.harness.model;

import io.initbench.harness.spec.RateSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * {@link RateSchedule#LINEAR} as a DL4J schedule: rate·(1 − i/T) for update i of T, 0 from T on.
 *
 * <p>DL4J's own {@code PolySchedule} would be this at power 1, but in 1.0.0-M2.1 it computes
 * rate·(1 + i/T)^power: the rate grows to twice its start instead of decaying (a test here checks the
 * schedule the network reports at every update). The fields are written into the configuration's JSON,
 * and equality matters: DL4J groups layers whose updaters are equal into one update block.
 */
public final class LinearDecaySchedule implements ISchedule {
    private final double initialValue;
    private final int maxIter;

    public LinearDecaySchedule(@JsonProperty("initialValue") double initialValue,
                               @JsonProperty("maxIter") int maxIter) {
        if (maxIter <= 0) {
            throw new IllegalArgumentException("a linear decay needs a positive number of updates, got " + maxIter);
        }
        this.initialValue = initialValue;
        this.maxIter = maxIter;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return RateSchedule.LINEAR.rate(initialValue, iteration, maxIter);
    }

    @Override
    public ISchedule clone() {
        return new LinearDecaySchedule(initialValue, maxIter);
    }

    @JsonProperty("initialValue")
    public double getInitialValue() {
        return initialValue;
    }

    @JsonProperty("maxIter")
    public int getMaxIter() {
        return maxIter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearDecaySchedule s && Double.compare(s.initialValue, initialValue) == 0
                && s.maxIter == maxIter;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(initialValue) + maxIter;
    }

    @Override
    public String toString() {
        return "LinearDecaySchedule(" + initialValue + " -> 0 over " + maxIter + " updates)";
    }
}
