package dev.stride.workout.parsing;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * How point columns are cut into chunks: point {@code i} is at {@code [i >>> SHIFT][i & MASK]}.
 * A growing column adds a chunk instead of copying everything it holds (doubling arrays allocated
 * about twice the track and copied it ~17 times for 100,000 points); only the first chunk grows
 * by doubling, so a short track does not take a whole chunk. A column of a known size (FIT files
 * say how many records they hold) is made to measure, its last chunk shorter.
 */
final class Chunks {

    static final int SHIFT = 12;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;
    private static final int FIRST = 256;

    private Chunks() {
    }

    /** The capacity after {@code capacity} when it is full. */
    static int next(int capacity) {
        return capacity < SIZE ? Math.min(SIZE, Math.max(FIRST, capacity * 2)) : (capacity & ~MASK) + SIZE;
    }

    static int count(int capacity) {
        return Math.max(1, (capacity + MASK) >>> SHIFT);
    }

    /** The length of chunk {@code k} of a column holding exactly {@code capacity} points. */
    static int length(int k, int capacity) {
        return Math.min(SIZE, capacity - (k << SHIFT));
    }

    /**
     * The chunks of a column grown to {@code capacity} points (more than now): the last chunk is
     * lengthened, new ones added.
     */
    static <A> A[] grow(A[] chunks, int capacity, IntFunction<A> newChunk, ToIntFunction<A> length,
            BiFunction<A, Integer, A> copyOf) {
        int last = chunks.length - 1;
        int lastLength = length(last, capacity);
        if (length.applyAsInt(chunks[last]) < lastLength) {
            chunks[last] = copyOf.apply(chunks[last], lastLength);
        }
        int count = count(capacity);
        if (count == chunks.length) {
            return chunks;
        }
        A[] grown = Arrays.copyOf(chunks, count);
        for (int k = last + 1; k < count; k++) {
            grown[k] = newChunk.apply(length(k, capacity));
        }
        return grown;
    }
}
