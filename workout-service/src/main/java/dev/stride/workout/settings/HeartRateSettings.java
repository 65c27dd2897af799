package dev.stride.workout.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.workout.analysis.AnalysisSettings;

/**
 * An athlete's heart-rate settings; each may be null (unknown).
 *
 * @param maxHeartRate     bpm, 100–250
 * @param restingHeartRate bpm, 25–120, below {@code maxHeartRate}
 * @param heartRateZones   the lower bound (bpm) of zones 1 to 5: exactly five, strictly ascending,
 *                         30–250, zone 5's at most {@code maxHeartRate}
 */
record HeartRateSettings(@Min(100) @Max(250) Integer maxHeartRate, @Min(25) @Max(120) Integer restingHeartRate,
        List<Integer> heartRateZones) {

    static final int ZONES = 5;
    static final double[] RESERVE_SHARES = {0.6, 0.7, 0.8, 0.9};

    static HeartRateSettings none() {
        return new HeartRateSettings(null, null, null);
    }

    /** The checks that span fields; bounds of single fields are bean validation's. */
    void check() {
        List<Map<String, String>> errors = new ArrayList<>();
        if (maxHeartRate != null && restingHeartRate != null && restingHeartRate >= maxHeartRate) {
            errors.add(Map.of("field", "restingHeartRate", "message", "must be below maxHeartRate"));
        }
        if (heartRateZones != null) {
            if (heartRateZones.size() != ZONES || heartRateZones.contains(null)) {
                errors.add(Map.of("field", "heartRateZones",
                        "message", "must be the lower bounds (bpm) of exactly 5 zones"));
            } else {
                for (int k = 0; k < ZONES; k++) {
                    int bpm = heartRateZones.get(k);
                    if (bpm < 30 || bpm > 250) {
                        errors.add(Map.of("field", "heartRateZones[" + k + "]", "message", "must be 30–250 bpm"));
                    } else if (k > 0 && bpm <= heartRateZones.get(k - 1)) {
                        errors.add(Map.of("field", "heartRateZones[" + k + "]",
                                "message", "must be above the lower bound of the zone before"));
                    }
                }
                if (maxHeartRate != null && heartRateZones.get(ZONES - 1) > maxHeartRate) {
                    errors.add(Map.of("field", "heartRateZones[4]", "message", "must not exceed maxHeartRate"));
                }
            }
        }
        if (!errors.isEmpty()) {
            StrideProblemException bad = new StrideProblemException(ErrorCode.VALIDATION_FAILED,
                    "Some heart-rate settings are invalid; nothing was changed.");
            bad.problem().setProperty("errors", errors);
            throw bad;
        }
    }

    /**
     * How an upload of this athlete is analysed: the athlete's zones when set (zone 1 also takes
     * the time below its lower bound, so the zones add up to all time with heart rate); else five
     * zones from the max heart rate: at 60/70/80/90 % of the heart-rate reserve above the resting
     * rate when both are set (Karvonen), at 60/70/80/90 % of the max when only it is set; else
     * (the analyzer's default) at 60/70/80/90 % of the workout's own observed max.
     */
    AnalysisSettings analysis() {
        AnalysisSettings defaults = AnalysisSettings.defaults();
        if (heartRateZones != null) {
            return defaults.withHeartRateZones(heartRateZones.subList(1, ZONES));
        }
        if (maxHeartRate != null && restingHeartRate != null) {
            List<Integer> floors = new ArrayList<>();
            for (double share : RESERVE_SHARES) {
                floors.add((int) Math.round(restingHeartRate + share * (maxHeartRate - restingHeartRate)));
            }
            return defaults.withHeartRateZones(floors).withMaxHeartRate(maxHeartRate);
        }
        return maxHeartRate == null ? defaults : defaults.withMaxHeartRate(maxHeartRate);
    }
}
