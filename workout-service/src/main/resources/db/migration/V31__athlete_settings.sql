-- Heart-rate settings of an athlete (package dev.stride.workout.settings), used when an upload is
-- analysed. All nullable: an unknown value falls back as docs/workouts.md describes.
create table athlete_settings (
    user_id            uuid primary key,
    max_heart_rate     integer,
    resting_heart_rate integer,
    heart_rate_zones   integer[],
    updated_at         timestamptz not null
);
-- Each workout keeps the time in zones its analysis computed (with the settings of that moment).
alter table workout add column heart_rate_zones jsonb;
