package dev.stride.workout.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stride.workout.analysis.WorkoutAnalysis.BestEffort;
import dev.stride.workout.parsing.DeviceTotals;
import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.TimerPause;
import dev.stride.workout.parsing.TrackPointsBuilder;
import dev.stride.workout.workouts.Sport;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkoutAnalyzerTest {

    private final WorkoutAnalyzer analyzer = new WorkoutAnalyzer();
    private final AnalysisSettings defaults = AnalysisSettings.defaults();

    @Test
    void aThousandKilometresPerHourSpikeChangesNeitherDistanceNorMaxSpeed() {
        ParsedActivity clean = Tracks.steady(Sport.RUN, 600, 3.0);
        // point 300 jumps 278 m sideways-forward in one second (1000 km/h) and back
        ParsedActivity spiky = Tracks.north(Sport.RUN, 600, i -> i == 300 ? i * 3.0 + 278 : i * 3.0, null, null, null,
                List.of());
        WorkoutAnalysis a = analyzer.analyze(clean, defaults);
        WorkoutAnalysis b = analyzer.analyze(spiky, defaults);
        assertThat(b.spikesRemoved()).isEqualTo(1);
        assertThat(b.distance()).isCloseTo(a.distance(), within(0.01));
        assertThat(b.maxSpeed()).isCloseTo(a.maxSpeed(), within(0.001));
        assertThat(b.maxSpeed()).isCloseTo(3.0, within(0.01));
        assertThat(a.distance()).isCloseTo(599 * 3.0, within(0.05));
    }

    @Test
    void aRealRelocationIsAcceptedAfterFivePointsAgreeWithEachOther() {
        // after point 100 the receiver reports positions 5 km further on and keeps going from there
        ParsedActivity jump = Tracks.north(Sport.RUN, 300, i -> i * 3.0 + (i > 100 ? 5000 : 0), null, null, null,
                List.of());
        WorkoutAnalysis a = analyzer.analyze(jump, defaults);
        assertThat(a.spikesRemoved()).isZero();
        assertThat(a.distance()).as("the jump itself is not counted").isCloseTo(299 * 3.0 - 3.0, within(0.5));
    }

    @Test
    void bestEffortsUseTheFastestSubSegmentWithInterpolatedEnds() {
        // 4 m/s, except 5 m/s between 1000 m and 2000 m
        ParsedActivity run = Tracks.north(Sport.RUN, 2000, i -> {
            double t = i;
            if (t <= 250) {
                return 4 * t;
            }
            if (t <= 450) {
                return 1000 + 5 * (t - 250);
            }
            return 2000 + 4 * (t - 450);
        }, null, null, null, List.of());
        WorkoutAnalysis a = analyzer.analyze(run, defaults);
        assertThat(effort(a, "1k").elapsedTime()).isCloseTo(200.0, within(0.05));
        assertThat(effort(a, "400m").elapsedTime()).isCloseTo(80.0, within(0.05));
        assertThat(effort(a, "1k").startOffset()).isCloseTo(250.0, within(1.0));
        // 1 mile = 1000 m at 5 m/s + 609.344 m at 4 m/s
        assertThat(effort(a, "1 mile").elapsedTime()).isCloseTo(200 + 609.344 / 4, within(0.05));
        assertThat(a.bestEfforts()).extracting(BestEffort::name).doesNotContain("10k");
    }

    @Test
    void bestEffortsAgreeWithABruteForceSearchOnAnIrregularTrack() {
        java.util.Random random = new java.util.Random(42);
        double[] cum = new double[800];
        double[] t = new double[800];
        for (int i = 1; i < cum.length; i++) {
            t[i] = t[i - 1] + 1 + random.nextInt(5);
            cum[i] = cum[i - 1] + random.nextDouble() * 20;
        }
        for (double d : new double[] {400, 1000, 1609.344, 5000}) {
            double[] fast = BestEfforts.fastest(cum, t, cum.length, d);
            double brute = Double.POSITIVE_INFINITY;
            for (int i = 0; i < cum.length; i++) {
                for (int j = i + 1; j < cum.length; j++) {
                    if (cum[j] - cum[i] >= d) {
                        // end at j, start interpolated in [i, i+1] if cum[i+1] > cum[j]-d
                        double target = cum[j] - d;
                        if (cum[i] <= target && (i + 1 == j || cum[i + 1] >= target) && cum[i + 1] > cum[i]) {
                            double start = t[i] + (target - cum[i]) / (cum[i + 1] - cum[i]) * (t[i + 1] - t[i]);
                            brute = Math.min(brute, t[j] - start);
                        }
                        double endTarget = cum[i] + d;
                        if (cum[j - 1] <= endTarget && cum[j] > cum[j - 1]) {
                            double end = t[j - 1] + (endTarget - cum[j - 1]) / (cum[j] - cum[j - 1]) * (t[j] - t[j - 1]);
                            brute = Math.min(brute, end - t[i]);
                        }
                        break;
                    }
                }
            }
            assertThat(fast).as("distance " + d).isNotNull();
            assertThat(fast[0]).as("distance " + d).isCloseTo(brute, within(1e-6));
        }
    }

    private static BestEffort effort(WorkoutAnalysis a, String name) {
        return a.bestEfforts().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void splitsPerKilometreAndPerMile() {
        WorkoutAnalysis a = analyzer.analyze(Tracks.steady(Sport.RUN, 626, 4.0), defaults);
        assertThat(a.distance()).isCloseTo(2500, within(0.1));
        assertThat(a.splitsKm()).hasSize(3);
        assertThat(a.splitsKm().get(0).distance()).isEqualTo(1000.0);
        assertThat(a.splitsKm().get(0).elapsedTime()).isCloseTo(250.0, within(0.01));
        assertThat(a.splitsKm().get(1).averageSpeed()).isCloseTo(4.0, within(0.02));
        assertThat(a.splitsKm().get(2).distance()).isCloseTo(500.0, within(0.1));
        assertThat(a.splitsMile()).hasSize(2);
        assertThat(a.splitsMile().get(0).elapsedTime()).isCloseTo(1609.344 / 4, within(0.01));
    }

    @Test
    void movingTimeLeavesOutStopsAndFitTimerPauses() {
        // moves 3 m/s for 200 s, stands still 100 s, moves 200 s; the timer was stopped from 400 s to 450 s
        ParsedActivity a = Tracks.north(Sport.RUN, 501, i -> i <= 200 ? 3.0 * i : i <= 300 ? 600 : 600 + 3.0 * (i - 300),
                null, null, null, List.of(new TimerPause(Tracks.T0 + 400_000, Tracks.T0 + 450_000)));
        WorkoutAnalysis r = analyzer.analyze(a, defaults);
        assertThat(r.elapsedTime()).isEqualTo(500.0);
        assertThat(r.timerTime()).isEqualTo(450.0);
        assertThat(r.movingTime()).isEqualTo(350.0);
        assertThat(r.averageSpeed()).isCloseTo(r.distance() / 350.0, within(1e-9));
    }

    @Test
    void elevationGainIgnoresNoiseInsideTheDeadBand() {
        ParsedActivity flatNoisy = Tracks.north(Sport.RUN, 600, i -> i * 3.0, i -> 100 + (i % 2 == 0 ? 0.8 : -0.8), null,
                null, List.of());
        WorkoutAnalysis flat = analyzer.analyze(flatNoisy, defaults);
        assertThat(flat.elevationGain()).isZero();
        assertThat(flat.elevationLoss()).isCloseTo(0.6, within(1e-4));
        ParsedActivity hill = Tracks.north(Sport.RUN, 201, i -> i * 3.0, i -> i <= 100 ? i : 200 - i, null, null,
                List.of());
        WorkoutAnalysis h = analyzer.analyze(hill, defaults);
        assertThat(h.elevationGain()).isCloseTo(99.0, within(1e-4));
        assertThat(h.elevationLoss()).isCloseTo(98.0, within(1e-4));
        WorkoutAnalysis raw = analyzer.analyze(flatNoisy, defaults.withElevationThreshold(0));
        assertThat(raw.elevationGain()).isCloseTo(299 * 1.6, within(0.01));
        assertThat(h.minElevation()).isEqualTo(0.0);
        assertThat(h.maxElevation()).isEqualTo(100.0);
    }

    @Test
    void heartRateZonesFromMaxHeartRateOrGivenZones() {
        ParsedActivity a = Tracks.north(Sport.RUN, 301, i -> i * 3.0, null, i -> i < 100 ? 120 : 150, null, List.of());
        WorkoutAnalysis fromMax = analyzer.analyze(a, defaults.withMaxHeartRate(200));
        assertThat(fromMax.averageHeartRate()).isCloseTo((100 * 120 + 201 * 150) / 301.0, within(1e-9));
        assertThat(fromMax.maxHeartRate()).isEqualTo(150.0);
        assertThat(fromMax.heartRateZones()).hasSize(5);
        assertThat(fromMax.heartRateZones().get(1).minBpm()).isEqualTo(120);
        assertThat(fromMax.heartRateZones().get(1).seconds()).isEqualTo(100.0);
        assertThat(fromMax.heartRateZones().get(2).seconds()).isEqualTo(200.0);
        WorkoutAnalysis given = analyzer.analyze(a, defaults.withHeartRateZones(List.of(130, 160)));
        assertThat(given.heartRateZones()).extracting(WorkoutAnalysis.ZoneTime::seconds).containsExactly(100.0, 200.0, 0.0);
        assertThat(given.heartRateZones().get(2).maxBpm()).isNull();
    }

    @Test
    void normalizedPowerOfASteadyEffortIsItsAverageAndRewardsVariability() {
        WorkoutAnalysis steady = analyzer.analyze(Tracks.north(Sport.RIDE, 600, i -> i * 8.0, null, null, i -> 200,
                List.of()), defaults);
        assertThat(steady.averagePower()).isEqualTo(200.0);
        assertThat(steady.normalizedPower()).isCloseTo(200.0, within(1e-6));
        WorkoutAnalysis surges = analyzer.analyze(Tracks.north(Sport.RIDE, 600, i -> i * 8.0, null, null,
                i -> (i / 60) % 2 == 0 ? 300 : 100, List.of()), defaults);
        assertThat(surges.averagePower()).isCloseTo(200.0, within(0.5));
        assertThat(surges.normalizedPower()).isGreaterThan(220.0);
        assertThat(surges.maxPower()).isEqualTo(300.0);
        assertThat(surges.calories()).as("work in kJ ≈ kcal").isCloseTo(0.2 * 599, within(0.2));
        assertThat(surges.caloriesEstimated()).isTrue();
    }

    @Test
    void absentValuesAreNullNeverZero() {
        WorkoutAnalysis a = analyzer.analyze(Tracks.steady(Sport.RUN, 100, 3.0), defaults);
        assertThat(a.averageHeartRate()).isNull();
        assertThat(a.maxHeartRate()).isNull();
        assertThat(a.heartRateZones()).isEmpty();
        assertThat(a.averageCadence()).isNull();
        assertThat(a.averagePower()).isNull();
        assertThat(a.maxPower()).isNull();
        assertThat(a.normalizedPower()).isNull();
        assertThat(a.elevationGain()).isNull();
        assertThat(a.minElevation()).isNull();
        assertThat(a.laps()).isEmpty();
    }

    @Test
    void deviceTotalsWinOverComputedValues() {
        ParsedActivity base = Tracks.steady(Sport.RUN, 100, 3.0);
        ParsedActivity withTotals = Tracks.activity(Sport.RUN, base.points(), List.of(),
                new DeviceTotals(310.0, 99.0, 95.0, 42.0, 5.0, 4.0));
        WorkoutAnalysis a = analyzer.analyze(withTotals, defaults);
        assertThat(a.distance()).isEqualTo(310.0);
        assertThat(a.distanceSource()).isEqualTo(WorkoutAnalysis.DistanceSource.DEVICE_TOTAL);
        assertThat(a.calories()).isEqualTo(42.0);
        assertThat(a.caloriesEstimated()).isFalse();
        assertThat(a.timerTime()).isEqualTo(95.0);
        WorkoutAnalysis estimated = analyzer.analyze(base, defaults.withWeightKg(60.0));
        assertThat(estimated.calories()).as("running: 1 kcal per kg per km").isCloseTo(60 * 0.297, within(0.01));
    }

    @Test
    void deviceDistanceIsNotCountedAcrossASegmentGap() {
        TrackPointsBuilder b = new TrackPointsBuilder(100);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                b.newSegment();
            }
            b.add(Tracks.T0 + i * 1000L, Double.NaN, Double.NaN, Float.NaN, i < 5 ? i * 3.0 : 100 + i * 3.0, Float.NaN,
                    Float.NaN, Float.NaN, Float.NaN, Float.NaN);
        }
        WorkoutAnalysis a = analyzer.analyze(Tracks.activity(Sport.RUN, b.build(true), List.of(), DeviceTotals.NONE),
                defaults);
        assertThat(a.distanceSource()).isEqualTo(WorkoutAnalysis.DistanceSource.DEVICE_STREAM);
        assertThat(a.distance()).isEqualTo(24.0);
        assertThat(a.polyline()).isNull();
    }

    @Test
    void aTcxWithLapsButNoTrackPointsGivesTheLapTotalsAndNullsElsewhere() {
        String tcx = "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Lap StartTime=\"2024-05-01T08:00:00Z\">"
                + "<TotalTimeSeconds>1800</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters><Calories>350</Calories>"
                + "</Lap></Activity></Activities></TrainingCenterDatabase>";
        ParsedActivity parsed = new dev.stride.workout.parsing.WorkoutFileParser().parse(
                new java.io.ByteArrayInputStream(tcx.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "treadmill.tcx");
        WorkoutAnalysis a = analyzer.analyze(parsed, defaults);
        assertThat(a.startTime()).hasToString("2024-05-01T08:00:00Z");
        assertThat(a.distance()).isEqualTo(5000.0);
        assertThat(a.elapsedTime()).isEqualTo(1800.0);
        assertThat(a.movingTime()).isEqualTo(1800.0);
        assertThat(a.averageSpeed()).isCloseTo(5000 / 1800.0, within(1e-9));
        assertThat(a.calories()).isEqualTo(350.0);
        assertThat(a.maxSpeed()).isNull();
        assertThat(a.polyline()).isNull();
        assertThat(a.bestEfforts()).isEmpty();
        assertThat(a.laps()).hasSize(1);
    }
}
