package dev.stride.workout.parsing;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Collects points into growing primitive arrays, enforcing the point limit as it goes. One use:
 * {@link #build(boolean)} hands the arrays over (or releases them), so nothing can be added after it.
 *
 * <p>Ordering rule (documented in docs/workouts.md): points are put in time order with a stable
 * sort when the file has them out of order; of several points with the same timestamp only the
 * first (in file order) is kept. Points without a timestamp in a file whose other points have
 * one are dropped.
 */
public final class TrackPointsBuilder {

    private final int maxPoints;
    private int size;
    private long[] time = new long[0];
    private double[] lat = new double[0];
    private double[] lon = new double[0];
    private float[] elevation = new float[0];
    private double[] distance = new double[0];
    private float[] heartRate = new float[0];
    private float[] cadence = new float[0];
    private float[] power = new float[0];
    private float[] temperature = new float[0];
    private float[] speed = new float[0];
    private final BitSet segmentStarts = new BitSet();
    private boolean pendingSegmentStart = true;
    private int droppedWithoutTime;
    private int droppedDuplicates;
    private boolean reordered;

    public TrackPointsBuilder(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    /** The next point added starts a new segment. */
    public void newSegment() {
        pendingSegmentStart = true;
    }

    public int size() {
        return size;
    }

    /**
     * Room for {@code points} more points (at most the limit) in one allocation, when the reader
     * knows how many come: arrays of exactly the track's size are handed over by
     * {@link #build(boolean)} without a copy.
     */
    public void reserve(int points) {
        int capacity = (int) Math.min(maxPoints, (long) size + points);
        if (capacity > time.length) {
            resize(capacity);
        }
    }

    public void add(long t, double la, double lo, float ele, double dist, float hr, float cad, float pw, float temp,
            float spd) {
        if (size == maxPoints) {
            throw new WorkoutFileException(WorkoutFileException.Reason.TOO_MANY_POINTS,
                    "The activity has more than " + String.format("%,d", maxPoints) + " track points");
        }
        if (size == time.length) {
            grow();
        }
        time[size] = t;
        lat[size] = la;
        lon[size] = lo;
        elevation[size] = ele;
        distance[size] = dist;
        heartRate[size] = hr;
        cadence[size] = cad;
        power[size] = pw;
        temperature[size] = temp;
        speed[size] = spd;
        if (pendingSegmentStart) {
            segmentStarts.set(size);
            pendingSegmentStart = false;
        }
        size++;
    }

    private void grow() {
        resize((int) Math.min(maxPoints, Math.max(256L, time.length * 2L)));
    }

    private void resize(int capacity) {
        time = Arrays.copyOf(time, capacity);
        lat = Arrays.copyOf(lat, capacity);
        lon = Arrays.copyOf(lon, capacity);
        elevation = Arrays.copyOf(elevation, capacity);
        distance = Arrays.copyOf(distance, capacity);
        heartRate = Arrays.copyOf(heartRate, capacity);
        cadence = Arrays.copyOf(cadence, capacity);
        power = Arrays.copyOf(power, capacity);
        temperature = Arrays.copyOf(temperature, capacity);
        speed = Arrays.copyOf(speed, capacity);
    }

    int droppedWithoutTime() {
        return droppedWithoutTime;
    }

    int droppedDuplicates() {
        return droppedDuplicates;
    }

    boolean reordered() {
        return reordered;
    }

    /** Valid after {@link #build(boolean)}. */
    public ParseStats stats() {
        return new ParseStats(size, segmentStarts.cardinality(), droppedWithoutTime, droppedDuplicates, reordered);
    }

    /**
     * @param timed true when the file has timestamps: untimed points are dropped, the rest sorted
     *              and de-duplicated; false keeps file order (route without times)
     */
    public TrackPoints build(boolean timed) {
        int[] order = null;
        if (timed) {
            order = timeOrder();
        }
        int n = order == null ? size : order.length;
        BitSet starts = new BitSet();
        if (order == null) {
            starts = segmentStarts.get(0, n);
        } else {
            for (int k = 0; k < n; k++) {
                if (segmentStarts.get(order[k])) {
                    starts.set(k);
                }
            }
        }
        // column by column, each builder column released once copied: at most one column more
        // than the points themselves is held (a two-million-point file: 112 MB + 16 MB, not 224 MB)
        long[] t = pick(time, order, n);
        time = null;
        double[] la = pick(lat, order, n);
        lat = null;
        double[] lo = pick(lon, order, n);
        lon = null;
        float[] el = pick(elevation, order, n);
        elevation = null;
        double[] di = pick(distance, order, n);
        distance = null;
        float[] hr = pick(heartRate, order, n);
        heartRate = null;
        float[] cd = pick(cadence, order, n);
        cadence = null;
        float[] pw = pick(power, order, n);
        power = null;
        float[] tp = pick(temperature, order, n);
        temperature = null;
        float[] sp = pick(speed, order, n);
        speed = null;
        return new TrackPoints(n, t, la, lo, el, di, hr, cd, pw, tp, sp, starts);
    }

    private static long[] pick(long[] column, int[] order, int n) {
        if (order == null) {
            return column.length == n ? column : Arrays.copyOf(column, n);
        }
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            out[k] = column[order[k]];
        }
        return out;
    }

    private static double[] pick(double[] column, int[] order, int n) {
        if (order == null) {
            return column.length == n ? column : Arrays.copyOf(column, n);
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = column[order[k]];
        }
        return out;
    }

    private static float[] pick(float[] column, int[] order, int n) {
        if (order == null) {
            return column.length == n ? column : Arrays.copyOf(column, n);
        }
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = column[order[k]];
        }
        return out;
    }

    /** Indices of the kept points in time order; null when the file order is already right. */
    private int[] timeOrder() {
        boolean sorted = true;
        boolean anyMissing = false;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (time[i] == TrackPoints.NO_TIME) {
                anyMissing = true;
            } else {
                if (time[i] <= previous) {
                    sorted = false;
                }
                if (time[i] < previous) {
                    reordered = true;
                }
                previous = time[i];
            }
        }
        if (sorted && !anyMissing) {
            return null;
        }
        Integer[] boxed = null;
        int[] kept = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (time[i] == TrackPoints.NO_TIME) {
                droppedWithoutTime++;
            } else {
                kept[n++] = i;
            }
        }
        kept = Arrays.copyOf(kept, n);
        if (!sorted) {
            // stable sort by time: sort (time, index) pairs packed into longs would overflow, so sort boxed
            boxed = new Integer[n];
            for (int k = 0; k < n; k++) {
                boxed[k] = kept[k];
            }
            Arrays.sort(boxed, (a, b) -> Long.compare(time[a], time[b]));
            int m = 0;
            for (int k = 0; k < n; k++) {
                int idx = boxed[k];
                if (m > 0 && time[kept[m - 1]] == time[idx]) {
                    droppedDuplicates++;
                    continue;
                }
                kept[m++] = idx;
            }
            kept = Arrays.copyOf(kept, m);
        }
        return kept;
    }
}
