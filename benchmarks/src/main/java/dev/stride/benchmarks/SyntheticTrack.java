package dev.stride.benchmarks;

import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.ParserLimits;
import dev.stride.workout.parsing.TrackPoints;
import dev.stride.workout.parsing.WorkoutFileParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A long track made from a real recording: the points of a real file (by default the Garmin
 * Connect export of a 1,817-point road ride from the shared test data, read with Stride's own
 * parser) are ridden back and forth ("ping-pong": forward, then backward, then forward...) until
 * the wanted number of points is reached. Every step is a real step of the recording (its
 * distance, its time delta, its elevation change, the heart rate/cadence/temperature of its
 * point), time only moves forward, and there is no jump at a turn, so no step looks like a GPS
 * spike. The cumulative distance and speed a device would record are computed on the way
 * (haversine, as devices do without a wheel sensor).
 */
public final class SyntheticTrack {

    /** The default source, relative to the shared test data folder {@code testdata/workouts}. */
    public static final String DEFAULT_SOURCE = "gpx/sportslib_20190929_ride_4108490848.gpx";

    private static final double EARTH_RADIUS = 6_371_008.8;

    final String sourceName;
    final int sourcePoints;
    final int size;
    final long[] time;
    final double[] lat;
    final double[] lon;
    final float[] elevation;
    final double[] distance;
    final float[] speed;
    final float[] heartRate;
    final float[] cadence;
    final float[] temperature;
    /** Index of the first point of each pass over the source (a lap in TCX and FIT). */
    final int[] lapStarts;

    private SyntheticTrack(String sourceName, TrackPoints src, int size) {
        this.sourceName = sourceName;
        this.sourcePoints = src.size();
        this.size = size;
        time = new long[size];
        lat = new double[size];
        lon = new double[size];
        elevation = new float[size];
        distance = new double[size];
        speed = new float[size];
        heartRate = new float[size];
        cadence = new float[size];
        temperature = new float[size];
        int n = src.size();
        if (n < 2) {
            throw new IllegalArgumentException("the source track needs at least two points");
        }
        int laps = 1 + (size - 1 + (n - 2)) / (n - 1);
        int[] starts = new int[laps];
        int lapCount = 0;
        int j = 0;
        int dir = 1;
        for (int i = 0; i < size; i++) {
            if (i == 0) {
                time[0] = src.time(0);
                starts[lapCount++] = 0;
            } else {
                int prev = j;
                j += dir;
                if (j < 0 || j >= n) {
                    dir = -dir;
                    j = prev + dir;
                    starts[lapCount++] = i;
                }
                long dt = Math.abs(src.time(j) - src.time(prev));
                double step = haversine(src.lat(prev), src.lon(prev), src.lat(j), src.lon(j));
                time[i] = time[i - 1] + dt;
                distance[i] = distance[i - 1] + step;
                speed[i] = dt > 0 ? (float) (step / (dt / 1000.0)) : speed[i - 1];
            }
            lat[i] = src.lat(j);
            lon[i] = src.lon(j);
            elevation[i] = src.elevation(j);
            heartRate[i] = src.heartRate(j);
            cadence[i] = src.cadence(j);
            temperature[i] = src.temperature(j);
        }
        lapStarts = java.util.Arrays.copyOf(starts, lapCount);
    }

    /** {@code points} points from the default source in the shared test data. */
    public static SyntheticTrack fromDefaultSource(int points) {
        return from(TestData.workouts().resolve(DEFAULT_SOURCE), points);
    }

    public static SyntheticTrack from(Path realFile, int points) {
        try (InputStream in = Files.newInputStream(realFile)) {
            ParsedActivity activity = new WorkoutFileParser(ParserLimits.defaults()).parse(in, realFile.toString());
            return new SyntheticTrack(realFile.getFileName().toString(), activity.points(), points);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + realFile, e);
        }
    }

    public int size() {
        return size;
    }

    public String sourceName() {
        return sourceName;
    }

    public int sourcePoints() {
        return sourcePoints;
    }

    public double totalDistance() {
        return distance[size - 1];
    }

    public long durationMillis() {
        return time[size - 1] - time[0];
    }

    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Where the shared real-world workout files are. */
    public static final class TestData {
        private TestData() {
        }

        /**
         * {@code -Dstride.testdata=DIR} (the folder holding gpx/, tcx/, fit/), else
         * {@code shared/testdata/workouts} in the working directory or any of its parents
         * (the repository's checkout sits beside {@code shared/}).
         */
        public static Path workouts() {
            String configured = System.getProperty("stride.testdata");
            if (configured != null && !configured.isBlank()) {
                return Paths.get(configured);
            }
            for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("shared/testdata/workouts");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("shared/testdata/workouts not found from " + Paths.get("").toAbsolutePath()
                    + "; pass -Dstride.testdata=/path/to/shared/testdata/workouts");
        }
    }
}
