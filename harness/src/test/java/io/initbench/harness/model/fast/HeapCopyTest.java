package io.initbench.harness.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HeapCopyTest {
    private static INDArray grid() {
        return Nd4j.arange(0, 20).castTo(DataType.FLOAT).reshape(4, 5);
    }

    @Test
    void aRowRangeViewIsReadAndWrittenInPlace() {
        INDArray rows = grid().get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        assertTrue(HeapCopy.dense(rows));
        assertArrayEquals(rows.dup().data().asFloat(), HeapCopy.read(rows, null));
        HeapCopy.write(new float[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 7}, rows);
        assertEquals(90, rows.sumNumber().doubleValue(), 0, "the first length() floats, the rest ignored");
    }

    @Test
    void aStridedViewGoesThroughACopyOnReadAndAssignOnWrite() {
        INDArray g = grid();
        INDArray column = g.getColumn(2);
        assertFalse(HeapCopy.dense(column));
        assertArrayEquals(new float[] {2, 7, 12, 17}, HeapCopy.read(column, new float[2]));
        HeapCopy.write(new float[] {-1, -2, -3, -4}, column);
        assertArrayEquals(new float[] {-1, -2, -3, -4}, g.getColumn(2).dup().data().asFloat());
        assertEquals(3f, g.getFloat(0, 3), "neighbours untouched");
    }
}
