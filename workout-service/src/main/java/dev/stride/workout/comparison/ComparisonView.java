package dev.stride.workout.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code GET /api/v1/athletes/me/comparison}: where the user stands among the users active in the
 * same sport and period. Carries only the user's own totals, percentiles and the cohort size.
 *
 * @param active      whether the user has a workout of this sport in the period; when not,
 *                    {@code you} and the percentiles are null
 * @param percentiles share of the other cohort members (0-100) the user is ahead of
 */
record ComparisonView(String sport, String period, LocalDate periodStart, LocalDate periodEnd, Cohort cohort,
        boolean active, Own you, Percentiles percentiles) {

    /** @param size users active in the sport and period who match the filters, the user included when they do */
    record Cohort(String ageGroup, String sex, long size) {
    }

    /** @param pace seconds per metre; null without distance or moving time */
    record Own(long workouts, BigDecimal distance, BigDecimal movingTime, BigDecimal pace) {
    }

    /**
     * @param distance   share of others with less distance
     * @param movingTime share of others with less moving time
     * @param pace       share of others (with a pace) who were slower; null when the user or no
     *                   other member has a pace
     */
    record Percentiles(Double distance, Double movingTime, Double pace) {
    }
}
