-- Best efforts of every file workout (the source of truth for records and their history).
create table best_effort (
    workout_id   uuid             not null,
    effort       varchar(16)      not null,
    user_id      uuid             not null,
    sport        varchar(32)      not null,
    distance     double precision not null,
    elapsed_time double precision not null,
    achieved_at  timestamptz      not null,
    primary key (workout_id, effort)
);
create index best_effort_user on best_effort (user_id, sport, effort, elapsed_time);

-- The current record per user, sport and effort; kept equal to the fastest best_effort row.
create table personal_record (
    user_id      uuid             not null,
    sport        varchar(32)      not null,
    effort       varchar(16)      not null,
    distance     double precision not null,
    elapsed_time double precision not null,
    workout_id   uuid             not null,
    achieved_at  timestamptz      not null,
    updated_at   timestamptz      not null,
    primary key (user_id, sport, effort)
);
