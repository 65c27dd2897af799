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

    /** Skipping blocks by their bounding boxes keeps exactly the points of examining every point. */
    @Test
    void skippingBlocksKeepsExactlyThePointsOfExaminingAll() {
        java.util.Random random = new java.util.Random(5);
        for (int track = 0; track < 400; track++) {
            int n = 2 + random.nextInt(3_000);
            double[] lat = new double[n];
            double[] lon = new double[n];
            double step = Math.pow(10, -6 + 3 * random.nextDouble());
            boolean backAndForth = random.nextBoolean();
            for (int i = 0; i < n; i++) {
                if (backAndForth) {
                    // a road ridden back and forth, as the benchmark track: long ranges, near-equal distances
                    double f = (i % 500) / 500.0;
                    f = (i / 500) % 2 == 0 ? f : 1 - f;
                    lat[i] = 45 + f * 0.05 + Math.sin(i * 0.01) * 1e-4;
                    lon[i] = 7 + Math.sin(f * 6) * 0.01;
                } else if (i > 0) {
                    // a random walk with standing still and repeated points (zero-length segments)
                    boolean still = random.nextInt(5) == 0;
                    lat[i] = lat[i - 1] + (still ? 0 : (random.nextInt(3) - 1) * step);
                    lon[i] = lon[i - 1] + (still ? 0 : (random.nextInt(3) - 1) * step);
                } else {
                    lat[i] = -60 + 120 * random.nextDouble();
                    lon[i] = -180 + 360 * random.nextDouble();
                }
            }
            double tolerance = new double[] {0, 0.5, 5, 50}[random.nextInt(4)];
            assertThat(Polyline.simplify(lat, lon, n, tolerance)).as("track %d", track)
                    .isEqualTo(examiningEveryPoint(lat, lon, n, tolerance));
        }
    }

    /** Douglas–Peucker as it was before the block skipping. */
    private static int[] examiningEveryPoint(double[] lat, double[] lon, int n, double tolerance) {
        if (n <= 2) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        double kx = Math.cos(Math.toRadians(lat[0])) * Math.PI / 180 * Geo.EARTH_RADIUS;
        double ky = Math.PI / 180 * Geo.EARTH_RADIUS;
        java.util.BitSet keep = new java.util.BitSet(n);
        keep.set(0);
        keep.set(n - 1);
        java.util.ArrayDeque<int[]> ranges = new java.util.ArrayDeque<>();
        ranges.push(new int[] {0, n - 1});
        while (!ranges.isEmpty()) {
            int[] r = ranges.pop();
            double ax = lon[r[0]] * kx;
            double ay = lat[r[0]] * ky;
            double dx = lon[r[1]] * kx - ax;
            double dy = lat[r[1]] * ky - ay;
            double len2 = dx * dx + dy * dy;
            double worst = -1;
            int worstIdx = -1;
            for (int i = r[0] + 1; i < r[1]; i++) {
                double px = lon[i] * kx - ax;
                double py = lat[i] * ky - ay;
                double dot = px * dx + py * dy;
                double u = len2 == 0 || dot <= 0 ? 0 : dot >= len2 ? 1 : dot / len2;
                double ex = px - u * dx;
                double ey = py - u * dy;
                double d2 = ex * ex + ey * ey;
                if (d2 > worst) {
                    worst = d2;
                    worstIdx = i;
                }
            }
            if (worst > tolerance * tolerance) {
                keep.set(worstIdx);
                ranges.push(new int[] {r[0], worstIdx});
                ranges.push(new int[] {worstIdx, r[1]});
            }
        }
        return keep.stream().toArray();
    }
}
