package dev.stride.workout.follows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.FollowEnded;
import dev.stride.contracts.payload.FollowStarted;
import dev.stride.kit.events.EventHandlers;
import dev.stride.workout.workouts.FollowGraph;
import dev.stride.workout.workouts.UserWorkoutsErased;

/**
 * The follow graph as workout-service needs it for "followers" visibility, built from
 * {@code follow-started} / {@code follow-ended} (idempotent consumer {@code workout-follows}: a
 * redelivered event id is skipped). Each pair keeps the state of its latest event by the envelope's
 * {@code occurredAt}, so an older event that arrives later (a replay from the dead-letter topic)
 * changes nothing. {@code user-deleted} erases the user's rows in both directions and keeps the
 * user's id as erased: a follow event about that user that arrives later (social-service had not
 * seen the deletion when it sent it) is ignored instead of bringing a row back.
 */
@Component
class FollowProjection implements FollowGraph {

    private final JdbcTemplate jdbc;
    private final EventHandlers handlers;

    FollowProjection(EventHandlers.Factory events, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.handlers = events.forConsumer("workout-follows")
                .on(EventTypes.FOLLOW_STARTED, FollowStarted.class,
                        (follow, envelope) -> apply(follow.followerId(), follow.followeeId(), true,
                                envelope.occurredAt()))
                .on(EventTypes.FOLLOW_ENDED, FollowEnded.class,
                        (follow, envelope) -> apply(follow.followerId(), follow.followeeId(), false,
                                envelope.occurredAt()));
    }

    @KafkaListener(topics = Topics.SOCIAL_EVENTS, groupId = "workout-service.follows")
    void on(String message) {
        handlers.handle(message);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean follows(UUID follower, UUID followee) {
        return Boolean.TRUE.equals(jdbc.query(
                "select following from follow where follower_id = ? and followee_id = ?",
                rs -> rs.next() && rs.getBoolean(1), follower, followee));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UserWorkoutsErased erased) {
        jdbc.update("delete from follow where follower_id = ? or followee_id = ?", erased.userId(), erased.userId());
        jdbc.update("insert into follow_erased_user (user_id, erased_at) values (?, now()) on conflict do nothing",
                erased.userId());
    }

    private void apply(UUID follower, UUID followee, boolean following, Instant at) {
        jdbc.update("""
                insert into follow as f (follower_id, followee_id, following, changed_at)
                select ?, ?, ?, ?
                where not exists (select 1 from follow_erased_user e where e.user_id in (?, ?))
                on conflict (follower_id, followee_id) do update
                    set following = excluded.following, changed_at = excluded.changed_at
                    where f.changed_at <= excluded.changed_at""", follower, followee, following, Timestamp.from(at),
                follower, followee);
    }
}
