package dev.stride.workout.analysis;

import dev.stride.workout.analysis.WorkoutAnalysis.DistanceSource;
import dev.stride.workout.analysis.WorkoutAnalysis.LapSummary;
import dev.stride.workout.analysis.WorkoutAnalysis.Split;
import dev.stride.workout.analysis.WorkoutAnalysis.ZoneTime;
import dev.stride.workout.parsing.DeviceTotals;
import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.ParsedLap;
import dev.stride.workout.parsing.TimerPause;
import dev.stride.workout.parsing.TrackPoints;
import dev.stride.workout.workouts.Sport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives a {@link WorkoutAnalysis} from a parsed activity. Pure and stateless; works on arrays of
 * primitives (about 40 bytes per point on top of {@link TrackPoints}). Every definition is in
 * docs/workouts.md.
 */
public final class WorkoutAnalyzer {

    /** Max speed is taken over windows of at least this many seconds (GPS jitter on 1 s steps is not speed). */
    static final double MAX_SPEED_WINDOW = 5.0;
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
        private double[] cum;
        private boolean[] moving;
        private int spikes;
        private DistanceSource source = DistanceSource.NONE;

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
        }

        WorkoutAnalysis analyze() {
            DeviceTotals totals = activity.totals();
            double[] geodesic = geodesic();
            double[] device = deviceStream();
            Double distance;
            cum = device != null ? device : geodesic;
            if (totals.distance() != null) {
                source = DistanceSource.DEVICE_TOTAL;
                distance = totals.distance();
            } else if (device != null) {
                source = DistanceSource.DEVICE_STREAM;
                distance = cum[n - 1];
            } else if (geodesic != null) {
                source = DistanceSource.GEODESIC;
                distance = cum[n - 1];
            } else {
                distance = null;
            }
            Double elapsed = timed && n > 1 ? Double.valueOf(t[n - 1])
                    : totals.elapsedTime() != null ? totals.elapsedTime() : totals.timerTime();
            Double timerTime = totals.timerTime() != null ? totals.timerTime() : timerTime(elapsed);
            Double movingTime = movingTime();
            if (movingTime == null && totals.timerTime() != null) {
                movingTime = totals.timerTime();
            }
            double[] elevation = elevation();
            Double averageSpeed = distance != null && movingTime != null && movingTime > 0 ? distance / movingTime : null;
            Double maxSpeed = maxSpeed();
            Double avgHr = mean(i -> p.heartRate(i), false);
            Double maxHr = max(i -> p.heartRate(i));
            Double avgPower = mean(i -> p.power(i), true);
            Double maxPower = max(i -> p.power(i));
            Double np = normalizedPower();
            Double calories = totals.calories();
            boolean estimated = false;
            if (calories == null) {
                calories = estimateCalories(distance, movingTime, elapsed);
                estimated = calories != null;
            }
            List<Split> km = cum == null || !timed ? List.of() : splits(1000.0);
            List<Split> mile = cum == null || !timed ? List.of() : splits(1609.344);
            return new WorkoutAnalysis(activity.sport(), activity.startTime(), n, spikes, source, distance, elapsed,
                    timerTime, movingTime, elevation == null ? null : elevation[0], elevation == null ? null : elevation[1],
                    elevation == null ? null : elevation[2], elevation == null ? null : elevation[3], averageSpeed,
                    maxSpeed, avgHr, maxHr, zones(maxHr), mean(i -> p.cadence(i), false), max(i -> p.cadence(i)),
                    avgPower, maxPower, np, calories, estimated, km, mile, laps(),
                    cum == null || !timed ? List.of() : BestEfforts.compute(cum, t, n), polyline());
        }

        /** Cumulative haversine distance of the positioned points with spikes removed; null without positions. */
        private double[] geodesic() {
            double[] geo = new double[n];
            boolean[] accepted = new boolean[n];
            int last = -1;
            int segmentStart = 0;
            int streak = 0;
            int streakStart = -1;
            boolean any = false;
            for (int i = 0; i < n; i++) {
                geo[i] = i > 0 ? geo[i - 1] : 0;
                if (p.startsSegment(i)) {
                    segmentStart = i;
                }
                if (!p.hasPosition(i)) {
                    continue;
                }
                any = true;
                if (last < segmentStart) {
                    last = i;
                    accepted[i] = true;
                    streak = 0;
                    continue;
                }
                double d = Geo.distance(p.lat(last), p.lon(last), p.lat(i), p.lon(i));
                double dt = t[i] - t[last];
                if (timed && dt > 0 && d / dt > profile.maxPlausibleSpeed()) {
                    spikes++;
                    if (streak++ == 0) {
                        streakStart = i;
                    }
                    if (streak >= RELOCATION_POINTS) {
                        // the "spikes" agree with each other: the receiver really is somewhere else now
                        spikes -= streak;
                        streak = 0;
                        last = streakStart;
                        for (int k = streakStart; k <= i; k++) {
                            geo[k] = geo[streakStart - 1];
                            accepted[k] = false;
                        }
                        accepted[streakStart] = true;
                        i = streakStart;
                    }
                    continue;
                }
                streak = 0;
                geo[i] += d;
                last = i;
                accepted[i] = true;
            }
            if (any && timed) {
                interpolateRejected(geo, accepted);
            }
            return any ? geo : null;
        }

        /**
         * Spikes and points without a position get the distance interpolated in time between the
         * accepted points around them (within a segment), so windows that start or end on them are right.
         */
        private void interpolateRejected(double[] geo, boolean[] accepted) {
            int previous = -1;
            for (int i = 0; i < n; i++) {
                if (p.startsSegment(i)) {
                    previous = -1;
                }
                if (!accepted[i]) {
                    continue;
                }
                if (previous >= 0 && i - previous > 1) {
                    double span = t[i] - t[previous];
                    for (int k = previous + 1; k < i; k++) {
                        double f = span > 0 ? (t[k] - t[previous]) / span : 0;
                        geo[k] = geo[previous] + f * (geo[i] - geo[previous]);
                    }
                }
                previous = i;
            }
        }

        /** Cumulative device distance (FIT record / TCX DistanceMeters) when most points carry it. */
        private double[] deviceStream() {
            int with = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(p.deviceDistance(i))) {
                    with++;
                }
            }
            if (n == 0 || with * 2 < n) {
                return null;
            }
            double[] out = new double[n];
            double previous = Double.NaN;
            int previousIndex = -1;
            for (int i = 0; i < n; i++) {
                out[i] = i > 0 ? out[i - 1] : 0;
                double d = p.deviceDistance(i);
                if (Double.isNaN(d)) {
                    continue;
                }
                if (!Double.isNaN(previous) && !startsSegmentIn(previousIndex + 1, i)) {
                    double inc = d - previous;
                    double dt = t[i] - t[previousIndex];
                    if (inc > 0 && timed && dt > 0 && inc / dt > profile.maxPlausibleSpeed()) {
                        spikes++;
                    } else if (inc > 0) {
                        out[i] += inc;
                    }
                }
                previous = d;
                previousIndex = i;
            }
            return out;
        }

        private boolean startsSegmentIn(int from, int to) {
            for (int k = from; k <= to; k++) {
                if (p.startsSegment(k)) {
                    return true;
                }
            }
            return false;
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

        /** Steps at or above the sport's moving threshold, outside timer pauses, within a segment. */
        private Double movingTime() {
            if (!timed || n < 2 || cum == null) {
                return null;
            }
            moving = new boolean[n];
            List<TimerPause> pauses = activity.timerPauses();
            int pi = 0;
            double sum = 0;
            for (int i = 1; i < n; i++) {
                if (p.startsSegment(i)) {
                    continue;
                }
                long end = p.time(i);
                while (pi < pauses.size() && pauses.get(pi).toMillis() < end) {
                    pi++;
                }
                if (pi < pauses.size() && pauses.get(pi).fromMillis() < end) {
                    continue;
                }
                double dt = t[i] - t[i - 1];
                if (dt > 0 && (cum[i] - cum[i - 1]) / dt >= movingThreshold()) {
                    moving[i] = true;
                    sum += dt;
                }
            }
            return sum;
        }

        /** Dead-band filter: the filtered altitude moves only when the raw one leaves a band of ±threshold/2. */
        private double[] elevation() {
            if (!p.hasElevation()) {
                return null;
            }
            double half = settings.elevationThreshold() / 2;
            double gain = 0;
            double loss = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double filtered = Double.NaN;
            for (int i = 0; i < n; i++) {
                double e = p.elevation(i);
                if (Double.isNaN(e)) {
                    continue;
                }
                min = Math.min(min, e);
                max = Math.max(max, e);
                if (Double.isNaN(filtered)) {
                    filtered = e;
                    continue;
                }
                if (e > filtered + half) {
                    gain += e - half - filtered;
                    filtered = e - half;
                } else if (e < filtered - half) {
                    loss += filtered - (e + half);
                    filtered = e + half;
                }
            }
            return new double[] {gain, loss, min, max};
        }

        private Double maxSpeed() {
            if (!timed || cum == null || n < 2) {
                return null;
            }
            double best = -1;
            int j = 0;
            int segStart = 0;
            for (int i = 0; i < n; i++) {
                if (p.startsSegment(i)) {
                    segStart = i;
                }
                if (j <= i) {
                    j = i + 1;
                }
                while (j < n && !p.startsSegment(j) && t[j] - t[i] < MAX_SPEED_WINDOW) {
                    j++;
                }
                if (j >= n || p.startsSegment(j)) {
                    continue;
                }
                double dt = t[j] - t[i];
                double v = (cum[j] - cum[i]) / dt;
                if (v <= profile.maxPlausibleSpeed() && v > best) {
                    best = v;
                }
            }
            return best < 0 ? null : best;
        }

        private interface Column {
            float get(int i);
        }

        /** Sample mean; zeros excluded unless {@code withZeros} (power counts coasting). */
        private Double mean(Column c, boolean withZeros) {
            double sum = 0;
            long count = 0;
            for (int i = 0; i < n; i++) {
                float v = c.get(i);
                if (!Float.isNaN(v) && (withZeros || v > 0)) {
                    sum += v;
                    count++;
                }
            }
            return count == 0 ? null : sum / count;
        }

        private Double max(Column c) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                float v = c.get(i);
                if (!Float.isNaN(v) && v > m) {
                    m = v;
                }
            }
            return Double.isInfinite(m) ? null : m;
        }

        /** Each HR sample counts for the time until the next point (at most MAX_HOLD s, within a segment). */
        private List<ZoneTime> zones(Double observedMax) {
            if (observedMax == null || !timed) {
                return List.of();
            }
            int[] floors;
            if (settings.heartRateZoneFloors() != null) {
                floors = new int[settings.heartRateZoneFloors().size() + 1];
                for (int k = 0; k < floors.length - 1; k++) {
                    floors[k + 1] = settings.heartRateZoneFloors().get(k);
                }
            } else {
                double hrMax = settings.maxHeartRate() != null ? settings.maxHeartRate() : observedMax;
                floors = new int[] {0, (int) Math.round(hrMax * 0.6), (int) Math.round(hrMax * 0.7),
                    (int) Math.round(hrMax * 0.8), (int) Math.round(hrMax * 0.9)};
            }
            double[] seconds = new double[floors.length];
            for (int i = 0; i + 1 < n; i++) {
                float hr = p.heartRate(i);
                if (Float.isNaN(hr) || p.startsSegment(i + 1)) {
                    continue;
                }
                double dt = Math.min(MAX_HOLD, t[i + 1] - t[i]);
                int z = floors.length - 1;
                while (z > 0 && hr < floors[z]) {
                    z--;
                }
                seconds[z] += dt;
            }
            List<ZoneTime> out = new ArrayList<>();
            for (int z = 0; z < floors.length; z++) {
                out.add(new ZoneTime(z + 1, floors[z], z + 1 < floors.length ? floors[z + 1] - 1 : null, seconds[z]));
            }
            return out;
        }

        /**
         * Normalized power: power resampled to 1 s (a sample is held up to MAX_HOLD s; seconds in longer
         * gaps are left out), 30 s rolling mean, mean of its 4th power, 4th root.
         */
        private Double normalizedPower() {
            if (!timed || !p.hasPower() || t[n - 1] > 7 * 86400) {
                return null;
            }
            int seconds = (int) Math.floor(t[n - 1]) + 1;
            double[] series = new double[seconds];
            int len = 0;
            int k = 0;
            for (int s = 0; s < seconds; s++) {
                while (k + 1 < n && t[k + 1] <= s) {
                    k++;
                }
                if (s - t[k] > MAX_HOLD) {
                    continue;
                }
                float w = p.power(k);
                series[len++] = Float.isNaN(w) ? 0 : w;
            }
            if (len < 30) {
                return null;
            }
            double window = 0;
            double sum4 = 0;
            int count = 0;
            for (int s = 0; s < len; s++) {
                window += series[s];
                if (s >= 30) {
                    window -= series[s - 30];
                }
                if (s >= 29) {
                    double avg = window / 30;
                    sum4 += avg * avg * avg * avg;
                    count++;
                }
            }
            return Math.pow(sum4 / count, 0.25);
        }

        /**
         * Device calories when written; else mechanical work when there is power (kJ ≈ kcal: ~24 % gross
         * efficiency cancels the 4.184 kJ/kcal); else running/walking 1.0/0.5 kcal per kg per km; else
         * MET × kg × moving hours.
         */
        private Double estimateCalories(Double distance, Double movingTime, Double elapsed) {
            double kg = settings.weightKg() != null ? settings.weightKg() : AnalysisSettings.DEFAULT_WEIGHT_KG;
            if (timed && p.hasPower()) {
                double joules = 0;
                for (int i = 0; i + 1 < n; i++) {
                    float w = p.power(i);
                    if (!Float.isNaN(w) && !p.startsSegment(i + 1)) {
                        joules += w * Math.min(MAX_HOLD, t[i + 1] - t[i]);
                    }
                }
                return joules / 1000.0;
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

        private List<Split> splits(double length) {
            List<Split> out = new ArrayList<>();
            double total = cum[n - 1];
            if (total <= 0) {
                return out;
            }
            int i = 0;
            int index = 1;
            double from = 0;
            while (from < total - 1e-6) {
                double to = Math.min(from + length, total);
                int startIdx = i;
                double startT = timeAt(from, startIdx);
                while (i + 1 < n && cum[i + 1] < to) {
                    i++;
                }
                int endIdx = Math.min(n - 1, i + 1);
                double endT = timeAt(to, i);
                double movingSum = 0;
                double hrSum = 0;
                int hrCount = 0;
                for (int k = startIdx + 1; k <= endIdx; k++) {
                    if (moving != null && moving[k]) {
                        movingSum += t[k] - t[k - 1];
                    }
                    float hr = p.heartRate(k);
                    if (!Float.isNaN(hr) && hr > 0) {
                        hrSum += hr;
                        hrCount++;
                    }
                }
                Double elevationDiff = null;
                float e0 = p.elevation(startIdx);
                float e1 = p.elevation(endIdx);
                if (!Float.isNaN(e0) && !Float.isNaN(e1)) {
                    elevationDiff = (double) (e1 - e0);
                }
                double elapsed = endT - startT;
                double basis = movingSum > 0 ? movingSum : elapsed;
                out.add(new Split(index++, to - from, elapsed, movingSum, elevationDiff,
                        basis > 0 ? (to - from) / basis : null, hrCount == 0 ? null : hrSum / hrCount));
                from = to;
            }
            return out;
        }

        /** Time at which the cumulative distance reaches {@code d}, searching from index {@code from}. */
        private double timeAt(double d, int from) {
            int i = from;
            while (i + 1 < n && cum[i + 1] < d) {
                i++;
            }
            if (i + 1 >= n) {
                return t[n - 1];
            }
            if (cum[i] >= d) {
                return t[i];
            }
            double span = cum[i + 1] - cum[i];
            return span <= 0 ? t[i + 1] : t[i] + (d - cum[i]) / span * (t[i + 1] - t[i]);
        }

        private List<LapSummary> laps() {
            List<ParsedLap> laps = activity.laps();
            List<LapSummary> out = new ArrayList<>();
            for (int k = 0; k < laps.size(); k++) {
                ParsedLap lap = laps.get(k);
                Instant start = lap.startTime();
                Instant next = k + 1 < laps.size() ? laps.get(k + 1).startTime() : null;
                int a = start == null || !timed ? 0 : lowerBound(start.toEpochMilli());
                int b = next == null || !timed ? n : lowerBound(next.toEpochMilli());
                DeviceTotals lt = lap.totals();
                Double distance = lt.distance() != null ? lt.distance()
                        : cum != null && b > a ? cum[b - 1] - cum[a] : null;
                Double elapsed = lt.elapsedTime() != null ? lt.elapsedTime() : timed && b > a ? t[b - 1] - t[a] : null;
                Double movingLap = null;
                if (moving != null && b > a) {
                    double s = 0;
                    for (int i = a + 1; i < b; i++) {
                        if (moving[i]) {
                            s += t[i] - t[i - 1];
                        }
                    }
                    movingLap = s;
                }
                double hrSum = 0;
                int hrCount = 0;
                double hrMax = Double.NEGATIVE_INFINITY;
                for (int i = a; i < b; i++) {
                    float hr = p.heartRate(i);
                    if (!Float.isNaN(hr) && hr > 0) {
                        hrSum += hr;
                        hrCount++;
                        hrMax = Math.max(hrMax, hr);
                    }
                }
                Double avgHr = lap.averageHeartRate() != null ? lap.averageHeartRate()
                        : hrCount == 0 ? null : hrSum / hrCount;
                Double maxHr = lap.maxHeartRate() != null ? lap.maxHeartRate() : hrCount == 0 ? null : hrMax;
                Double basis = movingLap != null && movingLap > 0 ? movingLap : elapsed;
                Double speed = distance != null && basis != null && basis > 0 ? distance / basis : null;
                out.add(new LapSummary(k + 1, start, distance, elapsed, movingLap, speed, avgHr, maxHr, lt.calories()));
            }
            return out;
        }

        private int lowerBound(long millis) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (p.time(mid) < millis) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Positioned points, minus GPS spikes, Douglas–Peucker simplified, Google-encoded. */
        private String polyline() {
            double[] lat = new double[n];
            double[] lon = new double[n];
            int m = 0;
            int last = -1;
            for (int i = 0; i < n; i++) {
                if (!p.hasPosition(i)) {
                    continue;
                }
                if (last >= 0 && timed && t[i] > t[last]
                        && Geo.distance(p.lat(last), p.lon(last), p.lat(i), p.lon(i)) / (t[i] - t[last])
                                > profile.maxPlausibleSpeed()
                        && i + 1 < n && p.hasPosition(i + 1)
                        && Geo.distance(p.lat(last), p.lon(last), p.lat(i + 1), p.lon(i + 1)) / (t[i + 1] - t[last])
                                <= profile.maxPlausibleSpeed()) {
                    continue;
                }
                lat[m] = p.lat(i);
                lon[m] = p.lon(i);
                m++;
                last = i;
            }
            if (m == 0) {
                return null;
            }
            int[] keep = Polyline.simplify(lat, lon, m, settings.polylineTolerance());
            return Polyline.encode(lat, lon, keep);
        }
    }
}
