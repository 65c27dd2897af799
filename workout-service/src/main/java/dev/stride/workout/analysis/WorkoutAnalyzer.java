package dev.stride.workout.analysis;

import dev.stride.workout.analysis.WorkoutAnalysis.DistanceSource;
import dev.stride.workout.analysis.WorkoutAnalysis.Split;
import dev.stride.workout.parsing.DeviceTotals;
import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.TimerPause;
import dev.stride.workout.parsing.TrackPoints;
import dev.stride.workout.workouts.Sport;
import java.util.BitSet;
import java.util.List;

/**
 * Derives a {@link WorkoutAnalysis} from a parsed activity. Pure and stateless; works on arrays of
 * primitives (about 16 bytes per point on top of {@link TrackPoints}). Every definition is in
 * docs/workouts.md.
 */
public final class WorkoutAnalyzer {

    /** A sample's value is held for at most this long when time-weighting (gaps beyond it count as no data). */
    static final double MAX_HOLD = 10.0;
    /** Consecutive rejected GPS points that agree with each other are a real relocation, not a spike. */
    static final int RELOCATION_POINTS = 5;

    public WorkoutAnalysis analyze(ParsedActivity activity, AnalysisSettings settings) {
        return new Run(activity, settings).analyze();
    }

    private static final class Run {
        private final ParsedActivity activity;
        private final AnalysisSettings settings;
        private final TrackPoints p;
        private final int n;
        private final SportProfile profile;
        private final boolean timed;
        private final double[] t;
        private final TrackDistance track;
        private final double[] cum;

        Run(ParsedActivity activity, AnalysisSettings settings) {
            this.activity = activity;
            this.settings = settings;
            this.p = activity.points();
            this.n = p.size();
            this.profile = SportProfile.of(activity.sport() == null ? Sport.OTHER : activity.sport());
            this.timed = p.hasAnyTime();
            this.t = new double[n];
            if (timed) {
                long t0 = p.time(0);
                for (int i = 0; i < n; i++) {
                    t[i] = (p.time(i) - t0) / 1000.0;
                }
            }
            this.track = new TrackDistance(p, t, timed, profile.maxPlausibleSpeed());
            this.cum = track.cum;
        }

        WorkoutAnalysis analyze() {
            DeviceTotals totals = activity.totals();
            DistanceSource source = DistanceSource.NONE;
            Double distance;
            if (totals.distance() != null) {
                source = DistanceSource.DEVICE_TOTAL;
                distance = totals.distance();
            } else if (track.fromDevice) {
                source = DistanceSource.DEVICE_STREAM;
                distance = cum[n - 1];
            } else if (cum != null) {
                source = DistanceSource.GEODESIC;
                distance = cum[n - 1];
            } else {
                distance = null;
            }
            Double elapsed = timed && n > 1 ? Double.valueOf(t[n - 1])
                    : totals.elapsedTime() != null ? totals.elapsedTime() : totals.timerTime();
            Double timerTime = totals.timerTime() != null ? totals.timerTime() : timerTime(elapsed);
            boolean moves = timed && n > 1 && cum != null;
            BitSet moving = moves ? new BitSet(n) : null;
            Double movingTime = moves
                    ? Double.valueOf(Motion.movingTime(p, t, cum, activity.timerPauses(), movingThreshold(), moving))
                    : totals.timerTime();
            Elevation elevation = Elevation.of(p, settings.elevationThreshold());
            Double averageSpeed = distance != null && movingTime != null && movingTime > 0 ? distance / movingTime : null;
            Double maxSpeed = moves ? Motion.maxSpeed(p, t, cum, profile.maxPlausibleSpeed()) : null;
            SampleSummary hr = new SampleSummary(false);
            SampleSummary cadence = new SampleSummary(false);
            SampleSummary power = new SampleSummary(true);
            for (int i = 0; i < n; i++) {
                hr.add(p.heartRate(i));
                cadence.add(p.cadence(i));
                power.add(p.power(i));
            }
            Double maxHr = hr.max();
            Double np = Power.normalized(p, t, timed);
            Double calories = totals.calories();
            boolean estimated = false;
            if (calories == null) {
                calories = estimateCalories(distance, movingTime, elapsed);
                estimated = calories != null;
            }
            Sections sections = new Sections(p, timed, t, cum, moving);
            List<Split> km = cum == null || !timed ? List.of() : sections.splits(1000.0);
            List<Split> mile = cum == null || !timed ? List.of() : sections.splits(1609.344);
            return new WorkoutAnalysis(activity.sport(), activity.startTime(), n, track.spikes(), source, distance, elapsed,
                    timerTime, movingTime, elevation == null ? null : elevation.gain, elevation == null ? null : elevation.loss,
                    elevation == null ? null : elevation.min, elevation == null ? null : elevation.max, averageSpeed,
                    maxSpeed, hr.mean(), maxHr, HeartRateZones.of(p, t, timed, settings, maxHr), cadence.mean(),
                    cadence.max(), power.mean(), power.max(), np, calories, estimated, km, mile,
                    sections.laps(activity.laps()), cum == null || !timed ? List.of() : BestEfforts.compute(cum, t, n),
                    polyline());
        }

        /** Elapsed time minus the parts of FIT timer pauses inside the workout; elapsed when there are none. */
        private Double timerTime(Double elapsed) {
            if (elapsed == null || !timed || n < 2) {
                return elapsed;
            }
            long from = p.time(0);
            long to = p.time(n - 1);
            double paused = 0;
            for (TimerPause pause : activity.timerPauses()) {
                long a = Math.max(from, pause.fromMillis());
                long b = Math.min(to, pause.toMillis());
                if (b > a) {
                    paused += (b - a) / 1000.0;
                }
            }
            return elapsed - paused;
        }

        private double movingThreshold() {
            return settings.movingSpeedThreshold() != null ? settings.movingSpeedThreshold() : profile.movingThreshold();
        }

        /**
         * Device calories when written; else mechanical work when there is power (kJ ≈ kcal: ~24 % gross
         * efficiency cancels the 4.184 kJ/kcal); else running/walking 1.0/0.5 kcal per kg per km; else
         * MET × kg × moving hours.
         */
        private Double estimateCalories(Double distance, Double movingTime, Double elapsed) {
            double kg = settings.weightKg() != null ? settings.weightKg() : AnalysisSettings.DEFAULT_WEIGHT_KG;
            if (timed && p.hasPower()) {
                return Power.kilojoules(p, t);
            }
            Sport sport = activity.sport();
            if (distance != null && (sport == Sport.RUN || sport == Sport.TRAIL_RUN)) {
                return kg * distance / 1000.0;
            }
            if (distance != null && (sport == Sport.WALK || sport == Sport.HIKE)) {
                return 0.5 * kg * distance / 1000.0;
            }
            Double time = movingTime != null ? movingTime : elapsed;
            return time == null ? null : profile.met() * kg * time / 3600.0;
        }

        /** Positioned points, minus GPS spikes, Douglas–Peucker simplified, Google-encoded. */
        private String polyline() {
            if (track.onMap.isEmpty()) {
                return null;
            }
            Polyline.Track points = new Polyline.Track() {
                @Override
                public double lat(int i) {
                    return p.lat(i);
                }

                @Override
                public double lon(int i) {
                    return p.lon(i);
                }
            };
            int[] keep = DouglasPeucker.simplify(points, track.onMap, settings.polylineTolerance());
            return Polyline.encode(points, keep);
        }
    }
}
