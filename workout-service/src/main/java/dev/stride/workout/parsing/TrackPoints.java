package dev.stride.workout.parsing;

import java.util.Objects;
import java.util.BitSet;

/**
 * Track points stored column by column in chunked arrays of primitives ({@link Chunks}), so a
 * two-million-point file does not become two million objects; a column the file has no value for
 * takes no memory (a GPX track with heart rate and cadence: 40 bytes per point). Absent values: {@link #NO_TIME}
 * for time, {@code NaN} for every other column. Points are in time order; a new GPX/TCX track
 * segment (signal lost, device paused) is flagged by {@link #startsSegment(int)}.
 */
public final class TrackPoints {

    /** Marker of a point without a timestamp. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private final int size;
    private final LongColumn time;
    // null: no point has a value
    private final DoubleColumn lat;
    private final DoubleColumn lon;
    private final FloatColumn elevation;
    private final DoubleColumn distance;
    private final FloatColumn heartRate;
    private final FloatColumn cadence;
    private final FloatColumn power;
    private final FloatColumn temperature;
    private final FloatColumn speed;
    private final BitSet segmentStarts;

    TrackPoints(int size, LongColumn time, DoubleColumn lat, DoubleColumn lon, FloatColumn elevation,
            DoubleColumn distance, FloatColumn heartRate, FloatColumn cadence, FloatColumn power,
            FloatColumn temperature, FloatColumn speed, BitSet segmentStarts) {
        this.size = size;
        this.time = time;
        this.lat = lat;
        this.lon = lon;
        this.elevation = elevation;
        this.distance = distance;
        this.heartRate = heartRate;
        this.cadence = cadence;
        this.power = power;
        this.temperature = temperature;
        this.speed = speed;
        this.segmentStarts = segmentStarts;
    }

    public static TrackPoints empty() {
        return new TrackPointsBuilder(0).build(false);
    }

    public int size() {
        return size;
    }

    /** Epoch milliseconds, or {@link #NO_TIME}. */
    public long time(int i) {
        return time.get(Objects.checkIndex(i, size));
    }

    public double lat(int i) {
        return value(lat, i);
    }

    public double lon(int i) {
        return value(lon, i);
    }

    public boolean hasPosition(int i) {
        return !Double.isNaN(lat(i)) && !Double.isNaN(lon(i));
    }

    /** Metres above sea level (as recorded), or NaN. */
    public float elevation(int i) {
        return value(elevation, i);
    }

    /** Cumulative distance the device recorded (FIT record / TCX DistanceMeters), metres, or NaN. */
    public double deviceDistance(int i) {
        return value(distance, i);
    }

    public float heartRate(int i) {
        return value(heartRate, i);
    }

    public float cadence(int i) {
        return value(cadence, i);
    }

    public float power(int i) {
        return value(power, i);
    }

    /** Degrees Celsius, or NaN. */
    public float temperature(int i) {
        return value(temperature, i);
    }

    /** Speed the device recorded, m/s, or NaN. */
    public float speed(int i) {
        return value(speed, i);
    }

    private float value(FloatColumn column, int i) {
        Objects.checkIndex(i, size);
        return column == null ? Float.NaN : column.get(i);
    }

    private double value(DoubleColumn column, int i) {
        Objects.checkIndex(i, size);
        return column == null ? Double.NaN : column.get(i);
    }

    public boolean startsSegment(int i) {
        return i == 0 || segmentStarts.get(i);
    }

    /** The index of the first point at or after {@code millis} (the size when there is none); points are in time order. */
    public int firstAtOrAfter(long millis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.get(mid) < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public boolean hasAnyTime() {
        return size > 0 && time.get(0) != NO_TIME;
    }

    public boolean hasHeartRate() {
        return heartRate != null && heartRate.hasValue(size);
    }

    public boolean hasPower() {
        return power != null && power.hasValue(size);
    }

    public boolean hasElevation() {
        return elevation != null && elevation.hasValue(size);
    }

    public boolean hasDeviceDistance() {
        return distance != null && distance.hasValue(size);
    }

    /** The points [from, to) as a new instance (used to split a multisport file into sessions). */
    public TrackPoints slice(int from, int to) {
        return select(null, from, to - from, segmentStarts.get(from, Math.max(from, to)));
    }

    /** Points {@code order[0..n)} (or, without an order, {@code from + 0..n}) as a new instance. */
    TrackPoints select(int[] order, int from, int n, BitSet starts) {
        return new TrackPoints(n, LongColumn.pick(time, order, from, n), DoubleColumn.pick(lat, order, from, n),
                DoubleColumn.pick(lon, order, from, n), FloatColumn.pick(elevation, order, from, n),
                DoubleColumn.pick(distance, order, from, n), FloatColumn.pick(heartRate, order, from, n),
                FloatColumn.pick(cadence, order, from, n), FloatColumn.pick(power, order, from, n),
                FloatColumn.pick(temperature, order, from, n), FloatColumn.pick(speed, order, from, n), starts);
    }
}
