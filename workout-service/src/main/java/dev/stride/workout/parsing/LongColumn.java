package dev.stride.workout.parsing;

import java.util.Arrays;

/** One long per point, in {@link Chunks}. */
final class LongColumn {

    private long[][] chunks;

    /** A column of {@code capacity} points without a value. */
    LongColumn(int capacity) {
        chunks = new long[Chunks.count(capacity)][];
        for (int k = 0; k < chunks.length; k++) {
            chunks[k] = new long[Chunks.length(k, capacity)];
            Arrays.fill(chunks[k], TrackPoints.NO_TIME);
        }
    }

    long get(int i) {
        return chunks[i >>> Chunks.SHIFT][i & Chunks.MASK];
    }

    void set(int i, long value) {
        chunks[i >>> Chunks.SHIFT][i & Chunks.MASK] = value;
    }

    /** Room for {@code capacity} points, more than now. */
    void grow(int capacity) {
        chunks = Chunks.grow(chunks, capacity, long[]::new, chunk -> chunk.length, Arrays::copyOf);
    }

    /**
     * Points {@code order[0..n)} of the column (or, without an order, {@code from + 0..n}) as a new
     * column; null for null (a column without values).
     */
    static LongColumn pick(LongColumn column, int[] order, int from, int n) {
        if (column == null) {
            return null;
        }
        LongColumn out = new LongColumn(n);
        for (int k = 0; k < n; k++) {
            out.set(k, column.get(order == null ? from + k : order[k]));
        }
        return out;
    }

    boolean hasValue(int size) {
        for (int i = 0; i < size; i++) {
            if (get(i) != TrackPoints.NO_TIME) {
                return true;
            }
        }
        return false;
    }
}
