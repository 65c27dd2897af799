package dev.stride.notification.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * An ISO week (Monday to Sunday) in a user's time zone.
 *
 * @param isoWeek e.g. {@code 2026-W10}; sorts in time order
 * @param monday  its first day
 * @param start   Monday 00:00 local, inclusive
 * @param end     the next Monday 00:00 local, exclusive (167 or 169 hours across a DST switch)
 */
record DigestWeek(String isoWeek, LocalDate monday, Instant start, Instant end) {

    static DigestWeek of(LocalDate day, ZoneId zone) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String iso = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new DigestWeek(iso, monday, monday.atStartOfDay(zone).toInstant(),
                monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The week whose digest is due at {@code now}: last week, from this Monday at {@code sendAt}
     * local time until the end of this week; empty on Monday before {@code sendAt}.
     */
    static Optional<DigestWeek> due(Instant now, ZoneId zone, LocalTime sendAt) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (local.isBefore(monday.atTime(sendAt).atZone(zone))) {
            return Optional.empty();
        }
        return Optional.of(of(monday.minusWeeks(1), zone));
    }

    LocalDate sunday() {
        return monday.plusDays(6);
    }
}
