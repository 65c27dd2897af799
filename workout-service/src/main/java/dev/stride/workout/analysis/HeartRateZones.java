package dev.stride.workout.analysis;

import dev.stride.workout.analysis.WorkoutAnalysis.ZoneTime;
import dev.stride.workout.parsing.TrackPoints;
import java.util.ArrayList;
import java.util.List;

/** Time in heart rate zones, from the athlete's floors or from a max heart rate. */
final class HeartRateZones {

    private HeartRateZones() {
    }

    /**
     * Each HR sample counts for the time until the next point (at most MAX_HOLD s, within a segment).
     * Empty without heart rate or time.
     */
    static List<ZoneTime> of(TrackPoints p, double[] t, boolean timed, AnalysisSettings settings, Double observedMax) {
        if (observedMax == null || !timed) {
            return List.of();
        }
        int[] floors = floors(settings, observedMax);
        double[] seconds = new double[floors.length];
        int n = p.size();
        for (int i = 0; i + 1 < n; i++) {
            float hr = p.heartRate(i);
            if (Float.isNaN(hr) || p.startsSegment(i + 1)) {
                continue;
            }
            double dt = Math.min(WorkoutAnalyzer.MAX_HOLD, t[i + 1] - t[i]);
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

    /** Lower bounds of all zones, zone 1 starting at 0. */
    private static int[] floors(AnalysisSettings settings, double observedMax) {
        List<Integer> given = settings.heartRateZoneFloors();
        if (given == null) {
            double hrMax = settings.maxHeartRate() != null ? settings.maxHeartRate() : observedMax;
            return new int[] {0, (int) Math.round(hrMax * 0.6), (int) Math.round(hrMax * 0.7),
                (int) Math.round(hrMax * 0.8), (int) Math.round(hrMax * 0.9)};
        }
        int[] floors = new int[given.size() + 1];
        for (int k = 0; k < floors.length - 1; k++) {
            floors[k + 1] = given.get(k);
        }
        return floors;
    }
}
