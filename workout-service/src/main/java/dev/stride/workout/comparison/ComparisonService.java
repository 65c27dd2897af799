package dev.stride.workout.comparison;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.workout.comparison.ComparisonView.Cohort;
import dev.stride.workout.comparison.ComparisonView.Own;
import dev.stride.workout.comparison.ComparisonView.Percentiles;
import dev.stride.workout.workouts.Sport;

/**
 * Percentiles from {@code period_total}: counting queries over the users active in one sport and
 * period (one row each), never over workouts.
 */
@Service
class ComparisonService {

    /** Smaller cohorts are refused so that a percentile never points at a few identifiable people. */
    static final int MIN_COHORT = 5;

    private final NamedParameterJdbcTemplate jdbc;

    ComparisonService(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    ComparisonView compare(UUID userId, Sport sport, PeriodKind kind, LocalDate date, AgeGroup ageGroup, Sex sex) {
        LocalDate start = kind.start(date);
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("sport", sport.name())
                .addValue("period", kind.code()).addValue("start", start).addValue("me", userId);
        List<String> filters = new ArrayList<>();
        if (sex != null) {
            filters.add("a.sex = :sex");
            params.addValue("sex", sex.name());
        }
        if (ageGroup != null) {
            filters.add("a.birth_year between :earliest and :latest");
            params.addValue("earliest", ageGroup.earliestBirthYear(start.getYear()));
            params.addValue("latest", ageGroup.latestBirthYear(start.getYear()));
        }
        String cohort = "select p.user_id, p.distance, p.moving_time, "
                + "case when p.distance > 0 and p.moving_time > 0 then p.distance / p.moving_time end as speed "
                + "from period_total p " + (filters.isEmpty() ? "" : "join athlete_attributes a on a.user_id = p.user_id ")
                + "where p.sport = :sport and p.period = :period and p.period_start = :start and p.workouts > 0"
                + (filters.isEmpty() ? "" : " and " + String.join(" and ", filters));
        Map<String, Object> row = jdbc.queryForMap("with cohort as (" + cohort + "), "
                + "me as (select workouts, distance, moving_time, "
                + "  case when distance > 0 and moving_time > 0 then distance / moving_time end as speed "
                + "  from period_total where sport = :sport and period = :period and period_start = :start "
                + "  and user_id = :me and workouts > 0) "
                + "select (select count(*) from cohort) as size, "
                + "  (select count(*) from cohort where user_id <> :me) as others, "
                + "  (select count(*) from cohort c, me where c.user_id <> :me and c.distance < me.distance) as distance_below, "
                + "  (select count(*) from cohort c, me where c.user_id <> :me and c.moving_time < me.moving_time) as time_below, "
                + "  (select count(*) from cohort where user_id <> :me and speed is not null) as others_with_pace, "
                + "  (select count(*) from cohort c, me where c.user_id <> :me and c.speed < me.speed) as pace_below, "
                + "  (select workouts from me) as workouts, (select distance from me) as distance, "
                + "  (select moving_time from me) as moving_time, (select speed from me) as speed", params);
        long size = ((Number) row.get("size")).longValue();
        if (size < MIN_COHORT) {
            StrideProblemException refused = new StrideProblemException(ErrorCode.CONFLICT,
                    "Fewer than " + MIN_COHORT + " users match this sport, period and cohort; comparing would "
                            + "single people out. Widen the cohort or choose a longer period.");
            refused.problem().setProperty("reason", "COHORT_TOO_SMALL");
            throw refused;
        }
        Cohort group = new Cohort(ageGroup == null ? null : ageGroup.wireName(), sex == null ? null : sex.wireName(),
                size);
        String sportName = sport.wireName();
        if (row.get("workouts") == null) {
            return new ComparisonView(sportName, kind.wireName(), start, kind.end(start), group, false, null, null);
        }
        long others = ((Number) row.get("others")).longValue();
        long othersWithPace = ((Number) row.get("others_with_pace")).longValue();
        BigDecimal speed = (BigDecimal) row.get("speed");
        BigDecimal distance = (BigDecimal) row.get("distance");
        BigDecimal movingTime = (BigDecimal) row.get("moving_time");
        BigDecimal pace = speed == null ? null : movingTime.divide(distance, MathContext.DECIMAL64);
        Own own = new Own(((Number) row.get("workouts")).longValue(), distance, movingTime, pace);
        Percentiles percentiles = new Percentiles(share(row.get("distance_below"), others),
                share(row.get("time_below"), others),
                speed == null ? null : share(row.get("pace_below"), othersWithPace));
        return new ComparisonView(sportName, kind.wireName(), start, kind.end(start), group, true, own, percentiles);
    }

    /** Percent of {@code total}, one decimal; null when there is nobody to compare with. */
    private static Double share(Object below, long total) {
        if (total == 0) {
            return null;
        }
        return Math.round(1000.0 * ((Number) below).longValue() / total) / 10.0;
    }
}
