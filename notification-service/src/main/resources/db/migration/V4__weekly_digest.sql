-- The name the greeting of mail this service writes itself (the weekly digest) uses; from user-registered.
alter table recipient add column display_name varchar(200);

-- The summary of each workout the weekly digest counts, as the last workout event described it:
-- workout-updated replaces it, workout-deleted leaves a tombstone (deleted) so a late, older event
-- cannot bring the workout back. Summed per user and local week when the digest is built, so edits
-- and deletions are exact by construction.
create table digest_workout (
    workout_id         uuid primary key,
    user_id            uuid             not null,
    sport              varchar(32),
    start_time         timestamptz,
    distance_m         double precision,
    moving_time_s      double precision,
    elevation_gain_m   double precision,
    deleted            boolean          not null default false,
    updated_at         timestamptz      not null
);

create index digest_workout_user_week on digest_workout (user_id, start_time) where not deleted;

-- One row per user and ISO week (of the user's time zone) whose digest was decided: the primary key
-- is the claim, so with several instances exactly one inserts it and queues the mail.
create table digest_week (
    user_id    uuid        not null,
    iso_week   varchar(8)  not null,
    workouts   integer     not null,
    message_id uuid,
    claimed_at timestamptz not null,
    primary key (user_id, iso_week)
);
