package dev.stride.workout.parsing;

/**
 * The values of the one XML track point being read (GPX {@code trkpt}, TCX {@code Trackpoint}),
 * reused from point to point: absent values are {@link TrackPoints#NO_TIME} and NaN.
 */
final class PointValues {

    long time;
    double lat;
    double lon;
    float elevation;
    double distance;
    float heartRate;
    float cadence;
    float power;
    float temperature;
    float speed;

    PointValues() {
        clear();
    }

    void clear() {
        time = TrackPoints.NO_TIME;
        lat = Double.NaN;
        lon = Double.NaN;
        elevation = Float.NaN;
        distance = Double.NaN;
        heartRate = Float.NaN;
        cadence = Float.NaN;
        power = Float.NaN;
        temperature = Float.NaN;
        speed = Float.NaN;
    }

    void addTo(TrackPointsBuilder points) {
        points.add(time, lat, lon, elevation, distance, heartRate, cadence, power, temperature, speed);
    }
}
