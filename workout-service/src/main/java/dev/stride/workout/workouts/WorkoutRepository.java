package dev.stride.workout.workouts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WorkoutRepository extends JpaRepository<Workout, UUID> {

    Optional<Workout> findByIdAndUserId(UUID id, UUID userId);

    /** The owner's workout, locked until the transaction ends (edits and deletes of one workout queue). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from Workout w where w.id = :id and w.userId = :userId")
    Optional<Workout> findForUpdate(UUID id, UUID userId);

    @Query("""
            select w from Workout w where w.userId = :userId
            order by w.startTime desc, w.id desc""")
    List<Workout> firstPage(UUID userId, Limit limit);

    /** Keyset pagination: strictly after (startTime, id) in descending order. */
    @Query("""
            select w from Workout w where w.userId = :userId
              and (w.startTime < :startTime or (w.startTime = :startTime and w.id < :id))
            order by w.startTime desc, w.id desc""")
    List<Workout> pageAfter(UUID userId, Instant startTime, UUID id, Limit limit);

    @Query("select new dev.stride.workout.workouts.WorkoutSummary(count(w), coalesce(sum(w.distance), 0), "
            + "coalesce(sum(w.movingTime), 0)) from Workout w where w.userId = :userId")
    WorkoutSummary summaryOf(UUID userId);

    @Modifying
    @Query("delete from Workout w where w.userId = :userId")
    int deleteAllOfUser(UUID userId);
}
