package dev.stride.workout.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/athletes/me/stats}: totals of the user's workouts in the requested time zone.
 *
 * @param overall every sport (or the requested one) together
 * @param bySport per sport, keyed by the sport's wire name
 */
record StatsView(String timeZone, LocalDate today, SportStats overall, Map<String, SportStats> bySport) {

    /**
     * @param weeks  the 12 most recent ISO weeks (Monday to Sunday), the current one first
     * @param months the 12 most recent months, the current one first
     * @param years  every year from the first with a workout to the current one, the current one first
     */
    record SportStats(List<Period> weeks, List<Period> months, List<Period> years, Totals allTime,
            ThisVsPrevious thisVsPrevious, Streaks streaks) {
    }

    /** Totals of the dates from {@code start} to {@code end}, both inclusive. */
    record Period(LocalDate start, LocalDate end, Totals totals) {
    }

    record Change(Period current, Period previous) {
    }

    record ThisVsPrevious(Change week, Change month, Change year) {
    }

    /**
     * Runs of consecutive days with at least one workout. The current streak is still alive when the
     * last active day is today or yesterday (today may not be over yet); otherwise it is 0.
     */
    record Streaks(int current, int longest, LocalDate lastActiveDay) {
    }
}
