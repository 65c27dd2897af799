-- Per period user totals for comparisons (package dev.stride.workout.comparison).
-- period: W (ISO week, starting Monday), M (month), Y (year); periods are UTC calendar periods so
-- that every user is compared over the same interval. Maintained by the same listener as stats.
create table period_total (
    sport        varchar(32) not null,
    period       char(1)     not null,
    period_start date        not null,
    user_id      uuid        not null,
    workouts     integer     not null,
    distance     numeric     not null,
    moving_time  numeric     not null,
    primary key (sport, period, period_start, user_id)
);
create index period_total_user on period_total (user_id);

-- Cohort attributes, fed by social-service through PUT /internal/v1/athletes/{userId}/attributes.
create table athlete_attributes (
    user_id    uuid primary key,
    birth_year integer,
    sex        varchar(16),
    updated_at timestamptz not null
);
