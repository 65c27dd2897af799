-- Projection of the follow graph (package dev.stride.workout.follows), fed by follow-started /
-- follow-ended from social-service. One row per pair ever seen; following = false is the
-- tombstone of an ended follow, kept so that an older event replayed later cannot revive it
-- (changed_at = the envelope's occurredAt of the last applied event). See ADR 0011.
create table follow (
    follower_id uuid        not null,
    followee_id uuid        not null,
    following   boolean     not null,
    changed_at  timestamptz not null,
    primary key (follower_id, followee_id)
);
create index follow_followee on follow (followee_id);
