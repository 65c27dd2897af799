package dev.stride.workout.gear;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.workout.workouts.GearChoice;
import dev.stride.workout.workouts.Sport;

/**
 * The user's gear. Another user's item is reported exactly like a missing one (404). Retiring an
 * item removes it from the defaults: a retired item is never applied to new workouts by default.
 */
@Service
class GearService implements GearChoice {

    /** Enough for any athlete; bounds the list endpoint, which has no pagination. */
    static final int MAX_ITEMS = 200;

    private final GearStore store;
    private final Clock clock = Clock.systemUTC();

    GearService(GearStore store) {
        this.store = store;
    }

    @Transactional
    GearView create(UUID userId, GearInput input) {
        if (store.count(userId) >= MAX_ITEMS) {
            throw new StrideProblemException(ErrorCode.CONFLICT,
                    "A user can have at most " + MAX_ITEMS + " gear items; delete some first.");
        }
        UUID id = UUID.randomUUID();
        store.insert(id, userId, input, clock.instant());
        store.setDefaults(userId, id, input.defaults());
        return find(userId, id);
    }

    @Transactional
    GearView replace(UUID userId, UUID id, GearInput input) {
        GearView current = find(userId, id);
        if (current.retired() && !input.defaults().isEmpty()) {
            throw new StrideProblemException(ErrorCode.CONFLICT,
                    "A retired item cannot be a default; unretire it first.");
        }
        store.update(id, userId, input, clock.instant());
        store.setDefaults(userId, id, input.defaults());
        return find(userId, id);
    }

    @Transactional
    GearView retire(UUID userId, UUID id) {
        GearView current = find(userId, id);
        if (!current.retired()) {
            Instant now = clock.instant();
            store.setRetired(id, userId, now, now);
            store.setDefaults(userId, id, List.of());
        }
        return find(userId, id);
    }

    @Transactional
    GearView unretire(UUID userId, UUID id) {
        GearView current = find(userId, id);
        if (current.retired()) {
            store.setRetired(id, userId, null, clock.instant());
        }
        return find(userId, id);
    }

    @Transactional
    void delete(UUID userId, UUID id) {
        if (!store.delete(id, userId)) {
            throw notFound(id);
        }
    }

    @Transactional(readOnly = true)
    GearView find(UUID userId, UUID id) {
        return store.find(userId, id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    List<GearView> list(UUID userId) {
        return store.all(userId);
    }

    @Override
    @Transactional(readOnly = true)
    public UUID gearFor(UUID userId, Sport sport, UUID requested) {
        if (requested != null) {
            if (!store.owns(userId, requested)) {
                StrideProblemException bad = new StrideProblemException(ErrorCode.VALIDATION_FAILED,
                        "gearId " + requested + " is not one of your gear items.");
                bad.problem().setProperty("errors",
                        List.of(java.util.Map.of("field", "gearId", "message", "is not one of your gear items")));
                throw bad;
            }
            return requested;
        }
        return store.defaultFor(userId, sport).orElse(null);
    }

    private static StrideProblemException notFound(UUID id) {
        return StrideProblemException.notFound("Gear " + id);
    }
}
