-- The track of a file workout: delta-encoded, deflated columns of primitives, encrypted
-- (associated data = "stream:" + workout id). See dev.stride.workout.streams.StreamCodec.
create table workout_stream (
    workout_id  uuid primary key,
    user_id     uuid    not null,
    point_count integer not null,
    data        bytea   not null
);
create index workout_stream_user on workout_stream (user_id);
