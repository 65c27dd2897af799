package dev.stride.workout.comparison;

import java.time.Clock;
import java.time.Year;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.workout.stats.Params;

/**
 * Service-to-service: social-service reports the cohort attributes of a user (service token for
 * workout-service with scope internal, like every {@code /internal/**} path).
 */
@RestController
class AthleteAttributesController {

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    AthleteAttributesController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PutMapping(path = "/internal/v1/athletes/{userId}/attributes", consumes = "application/json")
    @Transactional
    ResponseEntity<Void> put(@PathVariable UUID userId, @Valid @RequestBody AthleteAttributes attributes) {
        if (attributes.birthYear() != null && attributes.birthYear() > Year.now(clock).getValue()) {
            throw Params.invalid("birthYear", "The birth year lies in the future.");
        }
        jdbc.update("""
                insert into athlete_attributes (user_id, birth_year, sex, updated_at) values (?, ?, ?, now())
                on conflict (user_id) do update set birth_year = excluded.birth_year, sex = excluded.sex,
                    updated_at = excluded.updated_at""", userId, attributes.birthYear(),
                attributes.sex() == null ? null : attributes.sex().name());
        return ResponseEntity.noContent().build();
    }
}
