package io.initbench.harness.audit;

import java.util.Arrays;
import java.util.List;

/**
 * A weight tensor as DL4J hands it to an initializer: dense {@code [nIn, nOut]} in 'f' order, conv
 * {@code [nOut, nIn, kH, kW]} in 'c' order with fan-in nIn·kH·kW and fan-out nOut·kH·kW (stride 1).
 */
public record AuditShape(String name, long[] shape, char order, double fanIn, double fanOut) {

    public static AuditShape dense(String name, int nIn, int nOut) {
        return new AuditShape(name, new long[] {nIn, nOut}, 'f', nIn, nOut);
    }

    public static AuditShape conv(String name, int nOut, int nIn, int k) {
        return new AuditShape(name, new long[] {nOut, nIn, k, k}, 'c', (double) nIn * k * k, (double) nOut * k * k);
    }

    /** Square, wide (fan-out > fan-in), tall (fan-in > fan-out) and a 3×3 conv. */
    public static final List<AuditShape> DEFAULTS = List.of(
            dense("square 256x256", 256, 256),
            dense("wide 100x1000", 100, 1000),
            dense("tall 1000x100", 1000, 100),
            conv("conv 64x32x3x3", 64, 32, 3));

    public long length() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    public boolean square() {
        return shape.length == 2 && shape[0] == shape[1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditShape s && s.name.equals(name) && Arrays.equals(s.shape, shape) && s.order == order;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
