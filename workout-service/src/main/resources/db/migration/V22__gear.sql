-- Gear (package dev.stride.workout.gear).
create table gear (
    id                     uuid primary key,
    user_id                uuid         not null,
    type                   varchar(16)  not null,
    name                   varchar(100) not null,
    brand                  varchar(100),
    model                  varchar(100),
    retirement_distance    double precision,
    retired_at             timestamptz,
    distance               numeric      not null default 0,
    moving_time            numeric      not null default 0,
    workouts               integer      not null default 0,
    retirement_notified_at timestamptz,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);
create index gear_user on gear (user_id, created_at);

-- At most one default item per user and sport.
create table gear_default (
    user_id uuid        not null,
    sport   varchar(32) not null,
    gear_id uuid        not null references gear (id) on delete cascade,
    primary key (user_id, sport)
);
create index gear_default_gear on gear_default (gear_id);

-- The gear a workout used; deleting the item leaves its workouts without gear.
alter table workout add column gear_id uuid references gear (id) on delete set null;
create index workout_gear on workout (gear_id) where gear_id is not null;
