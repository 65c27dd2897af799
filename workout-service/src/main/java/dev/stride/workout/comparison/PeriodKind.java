package dev.stride.workout.comparison;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Comparison periods: UTC calendar periods, the same interval for every user. */
enum PeriodKind {
    WEEK('W'), MONTH('M'), YEAR('Y');

    private final char code;

    PeriodKind(char code) {
        this.code = code;
    }

    String code() {
        return String.valueOf(code);
    }

    String wireName() {
        return name().toLowerCase();
    }

    LocalDate start(LocalDate date) {
        return switch (this) {
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    LocalDate end(LocalDate start) {
        return switch (this) {
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }

    /** @return null when {@code value} names no period */
    static PeriodKind fromWire(String value) {
        for (PeriodKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
