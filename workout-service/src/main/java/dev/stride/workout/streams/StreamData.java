package dev.stride.workout.streams;

import java.util.Arrays;

import dev.stride.workout.parsing.TrackPoints;

/**
 * The streams of one workout, column by column, SI units; NaN where a point has no value.
 * {@code time} is seconds from the first point, {@code distance} metres from the start (the
 * device's cumulative distance where the file has one, else the great-circle sum between
 * consecutive positions), {@code velocity} m/s (the device's speed where recorded, else distance
 * over time across the neighbouring points).
 */
public record StreamData(int size, double[] time, double[] distance, double[] lat, double[] lon, double[] altitude,
        double[] heartrate, double[] cadence, double[] watts, double[] velocity) {

    private static final double EARTH_RADIUS = 6_371_008.8;

    public static StreamData of(TrackPoints p) {
        int n = p.size();
        double[] time = nan(n);
        double[] distance = nan(n);
        double[] lat = nan(n);
        double[] lon = nan(n);
        double[] alt = nan(n);
        double[] hr = nan(n);
        double[] cad = nan(n);
        double[] watts = nan(n);
        double[] velocity = nan(n);
        long t0 = n > 0 ? p.time(0) : TrackPoints.NO_TIME;
        boolean device = p.hasDeviceDistance();
        double cum = 0;
        int lastPos = -1;
        double lastDistance = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (p.time(i) != TrackPoints.NO_TIME && t0 != TrackPoints.NO_TIME) {
                time[i] = (p.time(i) - t0) / 1000.0;
            }
            if (p.hasPosition(i)) {
                lat[i] = p.lat(i);
                lon[i] = p.lon(i);
                if (lastPos >= 0 && !p.startsSegment(i)) {
                    cum += haversine(p.lat(lastPos), p.lon(lastPos), p.lat(i), p.lon(i));
                }
                lastPos = i;
            }
            if (device) {
                double d = p.deviceDistance(i);
                if (!Double.isNaN(d)) {
                    lastDistance = d;
                }
                distance[i] = lastDistance;
            } else if (lastPos >= 0) {
                distance[i] = cum;
            }
            alt[i] = p.elevation(i);
            hr[i] = p.heartRate(i);
            cad[i] = p.cadence(i);
            watts[i] = p.power(i);
            velocity[i] = p.speed(i);
        }
        if (!any(velocity)) {
            for (int i = 0; i < n; i++) {
                int a = Math.max(0, i - 1);
                int b = Math.min(n - 1, i + 1);
                double dt = time[b] - time[a];
                double dd = distance[b] - distance[a];
                if (dt > 0 && !Double.isNaN(dd)) {
                    velocity[i] = dd / dt;
                }
            }
        }
        return new StreamData(n, time, distance, lat, lon, alt, hr, cad, watts, velocity);
    }

    /** The points at {@code indices}, in that order. */
    public StreamData select(int[] indices) {
        return new StreamData(indices.length, pick(time, indices), pick(distance, indices), pick(lat, indices),
                pick(lon, indices), pick(altitude, indices), pick(heartrate, indices), pick(cadence, indices),
                pick(watts, indices), pick(velocity, indices));
    }

    static boolean any(double[] column) {
        for (double v : column) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[] pick(double[] column, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = column[indices[i]];
        }
        return out;
    }
}
