package dev.stride.workout.parsing;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Track points stored column by column in arrays of primitives (about 57 bytes per point), so a
 * two-million-point file does not become two million objects. Absent values: {@link #NO_TIME}
 * for time, {@code NaN} for every other column. Points are in time order; a new GPX/TCX track
 * segment (signal lost, device paused) is flagged by {@link #startsSegment(int)}.
 */
public final class TrackPoints {

    /** Marker of a point without a timestamp. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private final int size;
    private final long[] time;
    private final double[] lat;
    private final double[] lon;
    private final float[] elevation;
    private final double[] distance;
    private final float[] heartRate;
    private final float[] cadence;
    private final float[] power;
    private final float[] temperature;
    private final float[] speed;
    private final BitSet segmentStarts;

    TrackPoints(int size, long[] time, double[] lat, double[] lon, float[] elevation, double[] distance,
            float[] heartRate, float[] cadence, float[] power, float[] temperature, float[] speed,
            BitSet segmentStarts) {
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
        return time[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    public double lon(int i) {
        return lon[i];
    }

    public boolean hasPosition(int i) {
        return !Double.isNaN(lat[i]) && !Double.isNaN(lon[i]);
    }

    /** Metres above sea level (as recorded), or NaN. */
    public float elevation(int i) {
        return elevation[i];
    }

    /** Cumulative distance the device recorded (FIT record / TCX DistanceMeters), metres, or NaN. */
    public double deviceDistance(int i) {
        return distance[i];
    }

    public float heartRate(int i) {
        return heartRate[i];
    }

    public float cadence(int i) {
        return cadence[i];
    }

    public float power(int i) {
        return power[i];
    }

    /** Degrees Celsius, or NaN. */
    public float temperature(int i) {
        return temperature[i];
    }

    /** Speed the device recorded, m/s, or NaN. */
    public float speed(int i) {
        return speed[i];
    }

    public boolean startsSegment(int i) {
        return i == 0 || segmentStarts.get(i);
    }

    public boolean hasAnyTime() {
        return size > 0 && time[0] != NO_TIME;
    }

    public boolean hasAny(float[] column) {
        for (int i = 0; i < size; i++) {
            if (!Float.isNaN(column[i])) {
                return true;
            }
        }
        return false;
    }

    public boolean hasHeartRate() {
        return hasAny(heartRate);
    }

    public boolean hasPower() {
        return hasAny(power);
    }

    public boolean hasElevation() {
        return hasAny(elevation);
    }

    public boolean hasDeviceDistance() {
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(distance[i])) {
                return true;
            }
        }
        return false;
    }

    /** The points [from, to) as a new instance (used to split a multisport file into sessions). */
    public TrackPoints slice(int from, int to) {
        BitSet starts = segmentStarts.get(from, Math.max(from, to));
        return new TrackPoints(to - from, Arrays.copyOfRange(time, from, to), Arrays.copyOfRange(lat, from, to),
                Arrays.copyOfRange(lon, from, to), Arrays.copyOfRange(elevation, from, to),
                Arrays.copyOfRange(distance, from, to), Arrays.copyOfRange(heartRate, from, to),
                Arrays.copyOfRange(cadence, from, to), Arrays.copyOfRange(power, from, to),
                Arrays.copyOfRange(temperature, from, to), Arrays.copyOfRange(speed, from, to), starts);
    }
}
