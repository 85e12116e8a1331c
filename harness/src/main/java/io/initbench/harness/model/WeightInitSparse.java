package io.initbench.harness.model;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Sparse initialization (Martens 2010): every unit gets exactly {@code k} non-zero incoming weights,
 * drawn N(0, std²) at distinct random positions; all others are zero. With fan-in below k, every
 * incoming weight is drawn. Uses ND4J's per-thread generator, which DL4J seeds from the network seed.
 */
public final class WeightInitSparse implements IWeightInit {
    private final int k;
    private final double std;

    public WeightInitSparse(@JsonProperty("k") int k, @JsonProperty("std") double std) {
        if (k < 1 || !(std > 0)) {
            throw new IllegalArgumentException("SPARSE needs k >= 1 and std > 0, got k=" + k + " std=" + std);
        }
        this.k = k;
        this.std = std;
    }

    public int getK() {
        return k;
    }

    public double getStd() {
        return std;
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        UnitLayout layout = UnitLayout.of(shape, order);
        float[] w = new float[layout.size()];
        int nonZero = Math.min(k, layout.fanIn());
        // values in bulk from ND4J's seeded generator (interleaving its scalar nextInt/nextGaussian calls
        // skews the Gaussians: measured std 0.91), positions from a JDK generator seeded by it
        double[] values = Nd4j.randn(DataType.DOUBLE, Math.max(1, (long) layout.units() * nonZero)).toDoubleVector();
        java.util.Random rnd = new java.util.Random(Nd4j.getRandom().nextLong());
        int[] positions = new int[layout.fanIn()];
        for (int u = 0; u < layout.units(); u++) {
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i;
            }
            // partial Fisher-Yates: the first nonZero entries become a uniform random k-subset
            for (int i = 0; i < nonZero; i++) {
                int j = i + rnd.nextInt(positions.length - i);
                int tmp = positions[i];
                positions[i] = positions[j];
                positions[j] = tmp;
                w[u * layout.fanIn() + positions[i]] = (float) (values[u * nonZero + i] * std);
            }
        }
        paramView.assign(Nd4j.createFromArray(w).reshape(paramView.shape()));
        return paramView.reshape(order, shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightInitSparse s && s.k == k && s.std == std;
    }

    @Override
    public int hashCode() {
        return 31 * k + Double.hashCode(std);
    }

    @Override
    public String toString() {
        return "WeightInitSparse(k=" + k + ", std=" + std + ")";
    }
}
