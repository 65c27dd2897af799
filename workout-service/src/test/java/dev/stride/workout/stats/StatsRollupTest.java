package dev.stride.workout.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The read-time roll-up without Spring: local dates of hourly buckets and streaks. */
class StatsRollupTest {

    static Totals one() {
        return new Totals(1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO);
    }

    @Test
    void hourlyBucketsLandOnTheLocalDate() {
        LocalDate day = LocalDate.of(2026, 3, 28);
        assertThat(StatsService.localDate(day, 23, ZoneId.of("Europe/Moscow"))).isEqualTo(day.plusDays(1));
        assertThat(StatsService.localDate(day, 20, ZoneId.of("Europe/Moscow"))).isEqualTo(day);
        assertThat(StatsService.localDate(day, 6, ZoneId.of("America/Los_Angeles"))).isEqualTo(day.minusDays(1));
        assertThat(StatsService.localDate(day, 7, ZoneId.of("America/Los_Angeles"))).isEqualTo(day);
        assertThat(StatsService.localDate(day, 0, ZoneOffset.UTC)).isEqualTo(day);
        // the day after, summer time in Berlin starts at 01:00 UTC: 22:00 UTC is already the next day
        assertThat(StatsService.localDate(day.plusDays(1), 22, ZoneId.of("Europe/Berlin"))).isEqualTo(day.plusDays(2));
        assertThat(StatsService.localDate(day, 22, ZoneId.of("Europe/Berlin"))).isEqualTo(day);
    }

    @Test
    void streakIsAliveUntilADayIsMissedCompletely() {
        LocalDate today = LocalDate.of(2026, 5, 20);
        NavigableMap<LocalDate, Totals> days = new TreeMap<>();
        for (int i = 1; i <= 3; i++) {
            days.put(today.minusDays(i), one()); // yesterday and the two days before
        }
        for (int i = 10; i < 15; i++) {
            days.put(today.minusDays(i), one()); // five days in a row, earlier
        }

        assertThat(StatsService.streaks(days, today).current()).isEqualTo(3);
        assertThat(StatsService.streaks(days, today).longest()).isEqualTo(5);
        assertThat(StatsService.streaks(days, today.plusDays(1)).current()).isZero();
        days.put(today, one());
        assertThat(StatsService.streaks(days, today).current()).isEqualTo(4);
        assertThat(StatsService.streaks(days, today).lastActiveDay()).isEqualTo(today);
        assertThat(StatsService.streaks(new TreeMap<>(), today).longest()).isZero();
    }

    @Test
    void recentPeriodsStartOnMondaysAndFirstsAndCompareWithThePreviousOne() {
        LocalDate today = LocalDate.of(2026, 1, 1); // a Thursday
        NavigableMap<LocalDate, Totals> days = new TreeMap<>();
        days.put(LocalDate.of(2025, 12, 29), one()); // Monday of this ISO week, last year
        days.put(LocalDate.of(2025, 12, 28), one()); // Sunday before
        days.put(LocalDate.of(2024, 6, 1), one());

        StatsView.SportStats stats = StatsService.stats(days, today);

        assertThat(stats.weeks().get(0).start()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(stats.weeks().get(0).totals().count()).isEqualTo(1);
        assertThat(stats.thisVsPrevious().week().previous().totals().count()).isEqualTo(1);
        assertThat(stats.months().get(0).totals().count()).isZero();
        assertThat(stats.months().get(1).start()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(stats.months().get(1).totals().count()).isEqualTo(2);
        assertThat(stats.years()).extracting(p -> p.start().getYear()).containsExactly(2026, 2025, 2024);
        assertThat(stats.thisVsPrevious().year().previous().totals().count()).isEqualTo(2);
        assertThat(stats.allTime().count()).isEqualTo(3);
        assertThat(stats.streaks().longest()).isEqualTo(2);
        assertThat(stats.streaks().current()).isZero();
    }
}
