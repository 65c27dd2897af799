package dev.stride.workout.workouts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One recorded activity of one user. Measurements use SI units; an absent one is null. */
@Entity
@Table(name = "workout")
class Workout {

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sport sport;
    private String title;
    private String notes;
    @Column(name = "start_time", nullable = false)
    private Instant startTime;
    @Column(name = "elapsed_time")
    private Double elapsedTime;
    @Column(name = "moving_time")
    private Double movingTime;
    private Double distance;
    @Column(name = "elevation_gain")
    private Double elevationGain;
    @Column(name = "elevation_loss")
    private Double elevationLoss;
    @Column(name = "average_speed")
    private Double averageSpeed;
    @Column(name = "max_speed")
    private Double maxSpeed;
    @Column(name = "average_heart_rate")
    private Double averageHeartRate;
    @Column(name = "max_heart_rate")
    private Double maxHeartRate;
    @Column(name = "average_cadence")
    private Double averageCadence;
    @Column(name = "average_power")
    private Double averagePower;
    @Column(name = "max_power")
    private Double maxPower;
    private Double calories;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;
    @Column(nullable = false)
    private String source;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Workout() {
    }

    static Workout manual(UUID id, UUID userId, ManualWorkout input, Instant now) {
        Workout workout = new Workout();
        workout.id = id;
        workout.userId = userId;
        workout.sport = input.sport();
        workout.title = input.title();
        workout.notes = input.notes();
        workout.startTime = input.startTime();
        workout.elapsedTime = input.elapsedTime();
        workout.movingTime = input.movingTime() != null ? input.movingTime() : input.elapsedTime();
        workout.distance = input.distance();
        workout.elevationGain = input.elevationGain();
        workout.averageHeartRate = input.averageHeartRate();
        workout.maxHeartRate = input.maxHeartRate();
        workout.calories = input.calories();
        workout.averageSpeed = speed(workout.distance, workout.movingTime);
        workout.visibility = input.visibility() == null ? Visibility.FOLLOWERS : input.visibility();
        workout.source = "manual";
        workout.createdAt = now;
        workout.updatedAt = now;
        return workout;
    }

    private static Double speed(Double distance, Double time) {
        return distance == null || time == null || time <= 0 ? null : distance / time;
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    WorkoutChanged.Facts facts() {
        return new WorkoutChanged.Facts(id, userId, sport, startTime, elapsedTime, movingTime, distance, elevationGain,
                null);
    }

    WorkoutView view() {
        return new WorkoutView(id, sport, title, notes, startTime, elapsedTime, movingTime, distance, elevationGain,
                elevationLoss, averageSpeed, maxSpeed, averageHeartRate, maxHeartRate, averageCadence, averagePower,
                maxPower, calories, visibility, source, createdAt, updatedAt);
    }
}
