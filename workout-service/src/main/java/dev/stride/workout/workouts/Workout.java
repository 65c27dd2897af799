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

import org.hibernate.annotations.ColumnTransformer;

import dev.stride.contracts.payload.WorkoutRecorded;

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
    @Column(name = "gear_id")
    private UUID gearId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    // a wrapper, so that a new workout (null version) is persisted: with a primitive version Spring
    // Data takes the assigned id for an existing row and merges, which selects it first
    @Version
    private Long version;
    // Analysis of file workouts (null for manual ones); JSON columns are written by FileWorkouts.
    @Column(name = "device_manufacturer")
    private String deviceManufacturer;
    @Column(name = "device_model")
    private String deviceModel;
    @Column(name = "splits_km", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String splitsKm;
    @Column(name = "splits_mile", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String splitsMile;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String laps;
    @Column(name = "best_efforts", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String bestEfforts;
    @Column(name = "heart_rate_zones", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String heartRateZones;
    @Column(columnDefinition = "text")
    private String polyline;

    protected Workout() {
    }

    /** @param gearId the gear chosen by {@link GearChoice}: the requested item or the sport's default */
    static Workout manual(UUID id, UUID userId, ManualWorkout input, UUID gearId, Instant now) {
        Workout workout = new Workout();
        workout.gearId = gearId;
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

    static Workout fromFile(UUID id, FileWorkout input, String splitsKm, String splitsMile, String laps,
            String bestEfforts, String heartRateZones, UUID gearId, Instant now) {
        Workout workout = new Workout();
        workout.id = id;
        workout.userId = input.userId();
        workout.sport = input.sport();
        workout.title = input.title();
        workout.startTime = input.startTime();
        workout.elapsedTime = input.elapsedTime();
        workout.movingTime = input.movingTime();
        workout.distance = input.distance();
        workout.elevationGain = input.elevationGain();
        workout.elevationLoss = input.elevationLoss();
        workout.averageSpeed = input.averageSpeed();
        workout.maxSpeed = input.maxSpeed();
        workout.averageHeartRate = input.averageHeartRate();
        workout.maxHeartRate = input.maxHeartRate();
        workout.averageCadence = input.averageCadence();
        workout.averagePower = input.averagePower();
        workout.maxPower = input.maxPower();
        workout.calories = input.calories();
        workout.visibility = input.visibility() == null ? Visibility.FOLLOWERS : input.visibility();
        workout.source = "file";
        workout.gearId = gearId;
        workout.deviceManufacturer = input.deviceManufacturer();
        workout.deviceModel = input.deviceModel();
        workout.splitsKm = splitsKm;
        workout.splitsMile = splitsMile;
        workout.laps = laps;
        workout.bestEfforts = bestEfforts;
        workout.heartRateZones = heartRateZones;
        workout.polyline = input.polyline();
        workout.createdAt = now;
        workout.updatedAt = now;
        return workout;
    }

    Visibility visibility() {
        return visibility;
    }

    boolean manual() {
        return "manual".equals(source);
    }

    /** The editable values as they are, in the shape of a manual entry (what a patch applies to). */
    ManualWorkout editable() {
        return new ManualWorkout(sport, startTime, elapsedTime, movingTime, distance, elevationGain, averageHeartRate,
                maxHeartRate, calories, title, notes, visibility, gearId);
    }

    /**
     * Takes the edited values: title, notes, sport, visibility and gear on every workout; the start
     * time and measurements only on a manual one (derived values follow: moving time defaults to the
     * elapsed time as on create, average speed is recomputed).
     */
    void edit(ManualWorkout edited, UUID gearId, Instant now) {
        sport = edited.sport();
        title = edited.title();
        notes = edited.notes();
        visibility = edited.visibility();
        this.gearId = gearId;
        if (manual()) {
            startTime = edited.startTime();
            elapsedTime = edited.elapsedTime();
            movingTime = edited.movingTime() != null ? edited.movingTime() : edited.elapsedTime();
            distance = edited.distance();
            elevationGain = edited.elevationGain();
            averageHeartRate = edited.averageHeartRate();
            maxHeartRate = edited.maxHeartRate();
            calories = edited.calories();
            averageSpeed = speed(distance, movingTime);
        }
        updatedAt = now;
    }

    /** The summary other services get in workout events: never points, nothing located. */
    WorkoutRecorded summary() {
        return new WorkoutRecorded(id, userId, sport.wireName(), startTime, elapsedTime, movingTime, distance,
                elevationGain, visibility.wireName());
    }

    WorkoutDetails details() {
        return new WorkoutDetails(deviceManufacturer, deviceModel, splitsKm, splitsMile, laps, bestEfforts,
                heartRateZones, polyline);
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
                gearId);
    }

    WorkoutView view() {
        return view(details());
    }

    /** What a user other than the owner sees: everything but the polyline (see WorkoutService#find). */
    WorkoutView viewForOthers() {
        return view(new WorkoutDetails(deviceManufacturer, deviceModel, splitsKm, splitsMile, laps, bestEfforts,
                heartRateZones, null));
    }

    private WorkoutView view(WorkoutDetails details) {
        return new WorkoutView(id, sport, title, notes, startTime, elapsedTime, movingTime, distance, elevationGain,
                elevationLoss, averageSpeed, maxSpeed, averageHeartRate, maxHeartRate, averageCadence, averagePower,
                maxPower, calories, visibility, source, gearId, createdAt, updatedAt, details);
    }
}
