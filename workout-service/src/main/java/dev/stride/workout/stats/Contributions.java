package dev.stride.workout.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

import dev.stride.workout.workouts.WorkoutChanged;
import dev.stride.workout.workouts.WorkoutChanged.Facts;

/** A workout change as signed contributions: -1 for the workout before, +1 for it after. */
public record Contributions(Facts facts, int sign) {

    /** @param order the lock order of the rows a contribution touches */
    public static List<Contributions> of(WorkoutChanged change, BiFunction<Facts, Integer, String> order) {
        List<Contributions> list = new ArrayList<>(2);
        if (change.before() != null) {
            list.add(new Contributions(change.before(), -1));
        }
        if (change.after() != null) {
            list.add(new Contributions(change.after(), 1));
        }
        list.sort(Comparator.comparing((Contributions c) -> order.apply(c.facts(), c.sign()))
                .thenComparingInt(Contributions::sign));
        return list;
    }
}
