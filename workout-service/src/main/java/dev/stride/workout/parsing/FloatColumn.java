package dev.stride.workout.parsing;

import java.util.Arrays;

/** One float per point, in {@link Chunks}. */
final class FloatColumn {

    private float[][] chunks;

    /** A column of {@code capacity} NaN values (a value first seen after some points). */
    FloatColumn(int capacity) {
        chunks = new float[Chunks.count(capacity)][];
        for (int k = 0; k < chunks.length; k++) {
            chunks[k] = new float[Chunks.length(k, capacity)];
            Arrays.fill(chunks[k], Float.NaN);
        }
    }

    float get(int i) {
        return chunks[i >>> Chunks.SHIFT][i & Chunks.MASK];
    }

    void set(int i, float value) {
        chunks[i >>> Chunks.SHIFT][i & Chunks.MASK] = value;
    }

    /** Room for {@code capacity} points, more than now. */
    void grow(int capacity) {
        chunks = Chunks.grow(chunks, capacity, float[]::new, chunk -> chunk.length, Arrays::copyOf);
    }

    /**
     * Points {@code order[0..n)} of the column (or, without an order, {@code from + 0..n}) as a new
     * column; null for null (a column without values).
     */
    static FloatColumn pick(FloatColumn column, int[] order, int from, int n) {
        if (column == null) {
            return null;
        }
        FloatColumn out = new FloatColumn(n);
        for (int k = 0; k < n; k++) {
            out.set(k, column.get(order == null ? from + k : order[k]));
        }
        return out;
    }

    boolean hasValue(int size) {
        for (int i = 0; i < size; i++) {
            if (!Float.isNaN(get(i))) {
                return true;
            }
        }
        return false;
    }
}
