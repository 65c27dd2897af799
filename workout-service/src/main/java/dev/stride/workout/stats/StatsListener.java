package dev.stride.workout.stats;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.workout.workouts.UserWorkoutsErased;
import dev.stride.workout.workouts.WorkoutChanged;

/**
 * Keeps {@code stats_day} exact: runs inside the transaction that changed the workout, subtracts
 * the workout as it was and adds it as it is. Rows are touched in (sport, day) order so that two
 * edits of one user never wait on each other in opposite orders.
 */
@Component
class StatsListener {

    private final StatsStore store;

    StatsListener(StatsStore store) {
        this.store = store;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(WorkoutChanged change) {
        Contributions.of(change, (facts, sign) -> facts.sport().name() + "|" + facts.startTime())
                .forEach(c -> store.apply(c.facts(), c.sign()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UserWorkoutsErased erased) {
        store.erase(erased.userId());
    }
}
