package dev.stride.workout.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.workout.parsing.TrackPoints;
import dev.stride.workout.parsing.TrackPointsBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeoTest {

    /** Steps: the same distances as Geo.distance, and the same speed decisions, even a hair from the limit. */
    @Test
    void stepsGiveTheDistancesAndSpeedDecisionsOfGeoDistance() {
        Random random = new Random(3);
        int n = 20_000;
        TrackPointsBuilder b = new TrackPointsBuilder(n);
        double lat = 45;
        double lon = 7;
        for (int i = 0; i < n; i++) {
            double step = Math.pow(10, -7 + 6 * random.nextDouble());
            lat = Math.max(-89, Math.min(89, lat + (random.nextDouble() - 0.5) * step));
            lon += (random.nextDouble() - 0.5) * step;
            b.add(i * 1000L, lat, lon, Float.NaN, Double.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
        }
        TrackPoints p = b.build(true);
        Geo.Steps steps = new Geo.Steps(p);
        for (int i = 1; i < n; i++) {
            // mostly consecutive points (the cached cosine), sometimes a jump back
            int from = random.nextInt(10) == 0 ? random.nextInt(i) : i - 1;
            double d = Geo.distance(p.lat(from), p.lon(from), p.lat(i), p.lon(i));
            assertThat(steps.distance(from, i)).isEqualTo(d);
            double dt = 0.5 + random.nextDouble() * 10;
            double exact = d / dt;
            // limits at, just below and just above the speed: the decision must not move
            for (double limit : new double[] {exact, Math.nextDown(exact), Math.nextUp(exact), exact * (1 + 1e-12),
                exact * (1 - 1e-12), exact * 1.5, exact / 1.5}) {
                assertThat(steps.faster(from, i, dt, limit)).as("step %d, limit %s", i, limit).isEqualTo(d / dt > limit);
            }
        }
    }
}
