package dev.stride.workout.parsing;

import java.util.Arrays;

/** One double per point, in {@link Chunks}. */
final class DoubleColumn {

    private double[][] chunks;

    /** A column of {@code capacity} NaN values (a value first seen after some points). */
    DoubleColumn(int capacity) {
        chunks = new double[Chunks.count(capacity)][];
        for (int k = 0; k < chunks.length; k++) {
            chunks[k] = new double[Chunks.length(k, capacity)];
            Arrays.fill(chunks[k], Double.NaN);
        }
    }

    double get(int i) {
        return chunks[i >>> Chunks.SHIFT][i & Chunks.MASK];
    }

    void set(int i, double value) {
        chunks[i >>> Chunks.SHIFT][i & Chunks.MASK] = value;
    }

    /** Room for {@code capacity} points, more than now. */
    void grow(int capacity) {
        chunks = Chunks.grow(chunks, capacity, double[]::new, chunk -> chunk.length, Arrays::copyOf);
    }

    /**
     * Points {@code order[0..n)} of the column (or, without an order, {@code from + 0..n}) as a new
     * column; null for null (a column without values).
     */
    static DoubleColumn pick(DoubleColumn column, int[] order, int from, int n) {
        if (column == null) {
            return null;
        }
        DoubleColumn out = new DoubleColumn(n);
        for (int k = 0; k < n; k++) {
            out.set(k, column.get(order == null ? from + k : order[k]));
        }
        return out;
    }

    boolean hasValue(int size) {
        for (int i = 0; i < size; i++) {
            if (Double.isNaN(get(i))) {
                return true;
            }
        }
        return false;
    }
}
