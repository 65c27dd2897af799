package dev.stride.workout.stats;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.workout.stats.StatsView.Change;
import dev.stride.workout.stats.StatsView.Period;
import dev.stride.workout.stats.StatsView.SportStats;
import dev.stride.workout.stats.StatsView.Streaks;
import dev.stride.workout.stats.StatsView.ThisVsPrevious;
import dev.stride.workout.workouts.Sport;

/**
 * Rolls the hourly UTC buckets of {@code stats_day} up to local days, weeks, months and years. Reads
 * one row per active day and sport; never the workout table.
 */
@Service
class StatsService {

    static final int RECENT = 12;

    private final StatsStore store;
    private final Clock clock;

    StatsService(StatsStore store) {
        this.store = store;
        this.clock = Clock.systemUTC();
    }

    @Transactional(readOnly = true)
    StatsView read(UUID userId, Sport sport, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<Sport, NavigableMap<LocalDate, Totals>> perSport = new EnumMap<>(Sport.class);
        NavigableMap<LocalDate, Totals> overall = new TreeMap<>();
        if (sport != null) {
            perSport.put(sport, new TreeMap<>());
        }
        for (StatsStore.Day day : store.days(userId, sport)) {
            NavigableMap<LocalDate, Totals> days = perSport.computeIfAbsent(day.sport(), s -> new TreeMap<>());
            for (StatsStore.Hour hour : day.hours()) {
                LocalDate local = localDate(day.utcDate(), hour.hour(), zone);
                days.merge(local, hour.totals(), Totals::plus);
                overall.merge(local, hour.totals(), Totals::plus);
            }
        }
        Map<String, SportStats> bySport = new LinkedHashMap<>();
        perSport.forEach((s, days) -> bySport.put(s.wireName(), stats(days, today)));
        return new StatsView(zone.getId(), today, stats(overall, today), bySport);
    }

    /**
     * The local date of the middle of an hourly UTC bucket: exact for zones whose offset is a whole
     * number of hours; with a half-hour offset, workouts in the first or last half hour of a local
     * day may count on the neighbouring day.
     */
    static LocalDate localDate(LocalDate utcDate, int hour, ZoneId zone) {
        return LocalDate.ofInstant(utcDate.atTime(hour, 30).toInstant(ZoneOffset.UTC), zone);
    }

    static SportStats stats(NavigableMap<LocalDate, Totals> days, LocalDate today) {
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Period> weeks = new ArrayList<>(RECENT);
        for (int i = 0; i < RECENT; i++) {
            LocalDate start = thisWeek.minusWeeks(i);
            weeks.add(period(days, start, start.plusDays(6)));
        }
        YearMonth thisMonth = YearMonth.from(today);
        List<Period> months = new ArrayList<>(RECENT);
        for (int i = 0; i < RECENT; i++) {
            YearMonth month = thisMonth.minusMonths(i);
            months.add(period(days, month.atDay(1), month.atEndOfMonth()));
        }
        int firstYear = days.isEmpty() ? today.getYear() : Math.min(days.firstKey().getYear(), today.getYear());
        List<Period> years = new ArrayList<>();
        for (int year = today.getYear(); year >= firstYear; year--) {
            years.add(period(days, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        }
        Totals allTime = days.values().stream().reduce(Totals.ZERO, Totals::plus);
        Period previousYear = period(days, LocalDate.of(today.getYear() - 1, 1, 1),
                LocalDate.of(today.getYear() - 1, 12, 31));
        ThisVsPrevious change = new ThisVsPrevious(new Change(weeks.get(0), weeks.get(1)),
                new Change(months.get(0), months.get(1)), new Change(years.get(0), previousYear));
        return new SportStats(weeks, months, years, allTime, change, streaks(days, today));
    }

    private static Period period(NavigableMap<LocalDate, Totals> days, LocalDate start, LocalDate end) {
        Totals totals = days.subMap(start, true, end, true).values().stream().reduce(Totals.ZERO, Totals::plus);
        return new Period(start, end, totals);
    }

    static Streaks streaks(NavigableMap<LocalDate, Totals> days, LocalDate today) {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days.keySet()) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        LocalDate last = days.floorKey(today);
        int current = 0;
        if (last != null && !last.isBefore(today.minusDays(1))) {
            for (LocalDate day = last; days.containsKey(day); day = day.minusDays(1)) {
                current++;
            }
        }
        return new Streaks(current, longest, days.isEmpty() ? null : days.lastKey());
    }
}
