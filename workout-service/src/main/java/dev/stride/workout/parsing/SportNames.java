package dev.stride.workout.parsing;

import dev.stride.workout.workouts.Sport;
import java.util.Locale;

/** Maps the sport names files use (GPX type, TCX Sport, FIT sport/sub_sport) to Stride sports. */
final class SportNames {

    private SportNames() {
    }

    static Sport fromText(String raw) {
        if (raw == null || raw.isBlank()) {
            return Sport.OTHER;
        }
        String s = raw.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        // Strava GPX exports write activity type numbers: 1 ride, 9 run, 10 walk, 4 hike
        switch (s) {
            case "1":
                return Sport.RIDE;
            case "9":
                return Sport.RUN;
            case "10":
                return Sport.WALK;
            case "4":
                return Sport.HIKE;
            default:
                break;
        }
        if (s.contains("trail")) {
            return Sport.TRAIL_RUN;
        }
        if (s.contains("virtual") || s.contains("indoor_cycling") || s.contains("indoor_biking")) {
            return Sport.VIRTUAL_RIDE;
        }
        if (s.contains("mountain") || s.equals("mtb")) {
            return Sport.MOUNTAIN_BIKE;
        }
        if (s.contains("run")) {
            return Sport.RUN;
        }
        if (s.contains("walk")) {
            return Sport.WALK;
        }
        if (s.contains("hik")) {
            return Sport.HIKE;
        }
        if (s.contains("bik") || s.contains("cycl") || s.contains("ride")) {
            return Sport.RIDE;
        }
        if (s.contains("open_water")) {
            return Sport.SWIM_OPEN_WATER;
        }
        if (s.contains("swim")) {
            return Sport.SWIM_POOL;
        }
        if (s.contains("row")) {
            return Sport.ROW;
        }
        if (s.contains("cross_country") || s.contains("nordic")) {
            return Sport.SKI_CROSS_COUNTRY;
        }
        if (s.contains("ski") || s.contains("snowboard")) {
            return Sport.SKI_ALPINE;
        }
        if (s.contains("strength") || s.contains("training")) {
            return Sport.STRENGTH;
        }
        return Sport.OTHER;
    }

    /** FIT: sport plus sub-sport (e.g. cycling + virtual_activity, running + trail, swimming + lap_swimming). */
    static Sport fromFit(String sport, String subSport) {
        String sub = subSport == null ? "" : subSport.toLowerCase(Locale.ROOT);
        String main = sport == null ? "" : sport.toLowerCase(Locale.ROOT);
        if (main.equals("swimming")) {
            return sub.contains("open_water") ? Sport.SWIM_OPEN_WATER : Sport.SWIM_POOL;
        }
        if (main.equals("cycling")) {
            if (sub.contains("virtual") || sub.contains("indoor")) {
                return Sport.VIRTUAL_RIDE;
            }
            if (sub.contains("mountain") || sub.contains("downhill")) {
                return Sport.MOUNTAIN_BIKE;
            }
            return Sport.RIDE;
        }
        if (main.equals("running") && sub.contains("trail")) {
            return Sport.TRAIL_RUN;
        }
        if (main.equals("transition") || main.equals("generic") || main.equals("multisport")) {
            return Sport.OTHER;
        }
        return fromText(main);
    }
}
