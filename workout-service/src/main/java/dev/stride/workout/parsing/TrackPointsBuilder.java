package dev.stride.workout.parsing;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Collects points into growing columns ({@link Chunks}), enforcing the point limit as it goes. One
 * use: {@link #build(boolean)} hands the columns over, so nothing can be added after it.
 *
 * <p>Ordering rule (documented in docs/workouts.md): points are put in time order with a stable
 * sort when the file has them out of order; of several points with the same timestamp only the
 * first (in file order) is kept. Points without a timestamp in a file whose other points have
 * one are dropped.
 */
public final class TrackPointsBuilder {

    private final int maxPoints;
    private int size;
    private int capacity;
    private final LongColumn time = new LongColumn(0);
    // the others are made when the file first has a value for them: a GPX track has no device
    // distance, power or speed, an indoor FIT file no position
    private DoubleColumn lat;
    private DoubleColumn lon;
    private FloatColumn elevation;
    private DoubleColumn distance;
    private FloatColumn heartRate;
    private FloatColumn cadence;
    private FloatColumn power;
    private FloatColumn temperature;
    private FloatColumn speed;
    private final BitSet segmentStarts = new BitSet();
    private boolean pendingSegmentStart = true;
    private int droppedWithoutTime;
    private int droppedDuplicates;
    private boolean reordered;
    private boolean built;

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

    public void add(long t, double la, double lo, float ele, double dist, float hr, float cad, float pw, float temp,
            float spd) {
        if (built) {
            throw new IllegalStateException("The track points were built; the builder takes no more");
        }
        if (size == maxPoints) {
            throw new WorkoutFileException(WorkoutFileException.Reason.TOO_MANY_POINTS,
                    "The activity has more than " + String.format("%,d", maxPoints) + " track points");
        }
        if (size == capacity) {
            grow();
        }
        int i = size;
        time.set(i, t);
        lat = put(lat, i, la);
        lon = put(lon, i, lo);
        elevation = put(elevation, i, ele);
        distance = put(distance, i, dist);
        heartRate = put(heartRate, i, hr);
        cadence = put(cadence, i, cad);
        power = put(power, i, pw);
        temperature = put(temperature, i, temp);
        speed = put(speed, i, spd);
        if (pendingSegmentStart) {
            segmentStarts.set(i);
            pendingSegmentStart = false;
        }
        size++;
    }

    private FloatColumn put(FloatColumn column, int i, float value) {
        if (column == null) {
            if (Float.isNaN(value)) {
                return null;
            }
            column = new FloatColumn(capacity);
        }
        column.set(i, value);
        return column;
    }

    private DoubleColumn put(DoubleColumn column, int i, double value) {
        if (column == null) {
            if (Double.isNaN(value)) {
                return null;
            }
            column = new DoubleColumn(capacity);
        }
        column.set(i, value);
        return column;
    }

    /**
     * Room for {@code points} more points (at most the limit) when the reader knows how many come:
     * the columns are then made to measure.
     */
    public void reserve(int points) {
        int wanted = (int) Math.min(maxPoints, (long) size + points);
        if (wanted > capacity) {
            grow(wanted);
        }
    }

    private void grow() {
        grow(Chunks.next(capacity));
    }

    private void grow(int newCapacity) {
        capacity = newCapacity;
        time.grow(capacity);
        for (FloatColumn column : new FloatColumn[] {elevation, heartRate, cadence, power, temperature, speed}) {
            if (column != null) {
                column.grow(capacity);
            }
        }
        for (DoubleColumn column : new DoubleColumn[] {lat, lon, distance}) {
            if (column != null) {
                column.grow(capacity);
            }
        }
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
        built = true;
        int[] order = null;
        if (timed) {
            order = timeOrder();
        }
        // the columns themselves: in file order nothing is copied
        TrackPoints all = new TrackPoints(size, time, lat, lon, elevation, distance, heartRate, cadence, power,
                temperature, speed, segmentStarts.get(0, size));
        if (order == null) {
            return all;
        }
        BitSet starts = new BitSet();
        for (int k = 0; k < order.length; k++) {
            if (segmentStarts.get(order[k])) {
                starts.set(k);
            }
        }
        return all.select(order, 0, order.length, starts);
    }

    /** Indices of the kept points in time order; null when the file order is already right. */
    private int[] timeOrder() {
        boolean sorted = true;
        boolean anyMissing = false;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (time.get(i) == TrackPoints.NO_TIME) {
                anyMissing = true;
            } else {
                if (time.get(i) <= previous) {
                    sorted = false;
                }
                if (time.get(i) < previous) {
                    reordered = true;
                }
                previous = time.get(i);
            }
        }
        if (sorted && !anyMissing) {
            return null;
        }
        Integer[] boxed = null;
        int[] kept = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (time.get(i) == TrackPoints.NO_TIME) {
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
            Arrays.sort(boxed, (a, b) -> Long.compare(time.get(a), time.get(b)));
            int m = 0;
            for (int k = 0; k < n; k++) {
                int idx = boxed[k];
                if (m > 0 && time.get(kept[m - 1]) == time.get(idx)) {
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
