package dev.stride.workout.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.workout.workouts.Sport;
import org.junit.jupiter.api.Test;

class PolylineTest {

    @Test
    void encodesGooglesReferenceExample() {
        double[] lat = {38.5, 40.7, 43.252};
        double[] lon = {-120.2, -120.95, -126.453};
        assertThat(Polyline.encode(lat, lon, new int[] {0, 1, 2})).isEqualTo("_p~iF~ps|U_ulLnnqC_mqNvxq`@");
    }

    @Test
    void douglasPeuckerDropsPointsWithinToleranceAndKeepsCorners() {
        // an L: 100 points north, then 100 points east, 1 m apart, with 1 m zig-zag noise
        int n = 200;
        double[] lat = new double[n];
        double[] lon = new double[n];
        double m = Tracks.METRES_PER_DEGREE;
        for (int i = 0; i < n; i++) {
            double noise = (i % 2 == 0 ? 1 : -1) / m;
            lat[i] = 45 + Math.min(i, 99) / m + (i >= 100 ? noise : 0);
            lon[i] = 7 + Math.max(0, i - 99) / (m * Math.cos(Math.toRadians(45))) + (i < 100 ? noise : 0);
        }
        int[] keep = Polyline.simplify(lat, lon, n, 5.0);
        assertThat(keep).hasSizeBetween(3, 4);
        assertThat(keep[0]).isZero();
        assertThat(keep[keep.length - 1]).isEqualTo(n - 1);
        assertThat(java.util.Arrays.stream(keep).anyMatch(i -> i >= 98 && i <= 101)).as("the corner is kept").isTrue();
        assertThat(Polyline.simplify(lat, lon, n, 0.0)).hasSize(n);
    }

    @Test
    void theAnalysisPolylineLeavesOutGpsSpikes() {
        WorkoutAnalyzer analyzer = new WorkoutAnalyzer();
        String clean = analyzer.analyze(Tracks.steady(Sport.RUN, 200, 3.0), AnalysisSettings.defaults()).polyline();
        String spiky = analyzer.analyze(Tracks.north(Sport.RUN, 200, i -> i == 100 ? 100 * 3.0 + 278 : i * 3.0, null,
                null, null, java.util.List.of()), AnalysisSettings.defaults()).polyline();
        assertThat(spiky).isEqualTo(clean);
        assertThat(clean).isNotEmpty();
    }
}
