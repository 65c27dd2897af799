package dev.stride.workout.analysis;

import dev.stride.workout.analysis.WorkoutAnalysis.LapSummary;
import dev.stride.workout.analysis.WorkoutAnalysis.Split;
import dev.stride.workout.parsing.DeviceTotals;
import dev.stride.workout.parsing.ParsedLap;
import dev.stride.workout.parsing.TrackPoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Distance splits and the file's laps, from the cumulative distance and the moving steps. */
final class Sections {

    private final TrackPoints p;
    private final int n;
    private final boolean timed;
    private final double[] t;
    private final double[] cum;
    /** Points whose step from the previous point counts as moving; null without moving time. */
    private final BitSet moving;

    Sections(TrackPoints p, boolean timed, double[] t, double[] cum, BitSet moving) {
        this.p = p;
        this.n = p.size();
        this.timed = timed;
        this.t = t;
        this.cum = cum;
        this.moving = moving;
    }

    List<Split> splits(double length) {
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
            double hrSum = 0;
            int hrCount = 0;
            double movingSum = movingSeconds(startIdx + 1, endIdx + 1);
            for (int k = startIdx + 1; k <= endIdx; k++) {
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

    List<LapSummary> laps(List<ParsedLap> laps) {
        List<LapSummary> out = new ArrayList<>();
        for (int k = 0; k < laps.size(); k++) {
            ParsedLap lap = laps.get(k);
            Instant start = lap.startTime();
            Instant next = k + 1 < laps.size() ? laps.get(k + 1).startTime() : null;
            int a = start == null || !timed ? 0 : p.firstAtOrAfter(start.toEpochMilli());
            int b = next == null || !timed ? n : p.firstAtOrAfter(next.toEpochMilli());
            DeviceTotals lt = lap.totals();
            Double distance = lt.distance() != null ? lt.distance()
                    : cum != null && b > a ? cum[b - 1] - cum[a] : null;
            Double elapsed = lt.elapsedTime() != null ? lt.elapsedTime() : timed && b > a ? t[b - 1] - t[a] : null;
            Double movingLap = moving != null && b > a ? movingSeconds(a + 1, b) : null;
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

    /** Moving seconds of the steps ending at points [from, to); 0 without moving time. */
    private double movingSeconds(int from, int to) {
        double sum = 0;
        if (moving != null) {
            for (int i = from; i < to; i++) {
                if (moving.get(i)) {
                    sum += t[i] - t[i - 1];
                }
            }
        }
        return sum;
    }
}
