package io.initbench.harness.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * (Semi-)orthogonal initialization (Saxe et al. 2013): the weights, viewed as a units × fanIn matrix
 * (conv kernels flattened over their fan-in), are {@code gain} times a matrix with orthonormal rows
 * (units ≤ fanIn) or orthonormal columns (units > fanIn). It is the Q factor of a QR decomposition of a
 * Gaussian matrix, with each column's sign set by R's diagonal so that Q is uniformly (Haar) distributed
 * rather than biased by the QR algorithm's sign convention.
 */
public final class WeightInitOrthogonal implements IWeightInit {
    private final double gain;

    public WeightInitOrthogonal(@JsonProperty("gain") double gain) {
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("ORTHOGONAL needs a finite gain > 0, got " + gain);
        }
        this.gain = gain;
    }

    public double getGain() {
        return gain;
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        UnitLayout layout = UnitLayout.of(shape, order);
        double[][] m = orthogonal(layout.units(), layout.fanIn());
        float[] w = new float[layout.size()];
        for (int u = 0; u < layout.units(); u++) {
            for (int i = 0; i < layout.fanIn(); i++) {
                w[u * layout.fanIn() + i] = (float) (gain * m[u][i]);
            }
        }
        paramView.assign(Nd4j.createFromArray(w).reshape(paramView.shape()));
        return paramView.reshape(order, shape);
    }

    /** A rows × cols matrix with orthonormal rows (rows ≤ cols) or orthonormal columns (rows > cols). */
    static double[][] orthogonal(int rows, int cols) {
        int tall = Math.max(rows, cols);
        int narrow = Math.min(rows, cols);
        double[][] g = Nd4j.randn(DataType.DOUBLE, tall, narrow).toDoubleMatrix();
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
        RealMatrix q = qr.getQ().getSubMatrix(0, tall - 1, 0, narrow - 1);
        RealMatrix r = qr.getR();
        for (int j = 0; j < narrow; j++) {
            if (r.getEntry(j, j) < 0) {
                for (int i = 0; i < tall; i++) {
                    q.setEntry(i, j, -q.getEntry(i, j));
                }
            }
        }
        // q has orthonormal columns (tall × narrow); transpose when the rows must be orthonormal
        return rows >= cols ? q.getData() : q.transpose().getData();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightInitOrthogonal w && w.gain == gain;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(gain);
    }

    @Override
    public String toString() {
        return "WeightInitOrthogonal(gain=" + gain + ")";
    }
}
