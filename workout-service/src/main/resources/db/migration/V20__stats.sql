-- Pre-aggregated statistics (package dev.stride.workout.stats).
--
-- Base grain: one row per user, sport and UTC calendar day of the workout's start time; every
-- measure is an array of 24 hourly buckets (index 1 = 00:00-00:59 UTC). The service does not know
-- the user's time zone yet, so weeks, months and years are rolled up at read time in the zone the
-- client asks for: each hourly bucket is assigned to the local date of its middle. That is exact for
-- every zone whose UTC offset is a whole number of hours, and reads stay O(days), never O(workouts).
-- Sums are numeric (each double converted with PostgreSQL's float8 -> numeric cast) so that adding
-- and subtracting in any order stays exactly equal to a recount of the workout table.
create table stats_day (
    user_id        uuid        not null,
    sport          varchar(32) not null,
    day            date        not null,
    workouts       integer[]   not null,
    distance       numeric[]   not null,
    moving_time    numeric[]   not null,
    elapsed_time   numeric[]   not null,
    elevation_gain numeric[]   not null,
    primary key (user_id, sport, day)
);

-- Element-wise sum of two arrays of equal length.
create function stats_add(a integer[], b integer[]) returns integer[] language sql immutable as
$$ select array_agg(x + y order by i) from unnest(a, b) with ordinality as t(x, y, i) $$;
create function stats_add(a numeric[], b numeric[]) returns numeric[] language sql immutable as
$$ select array_agg(x + y order by i) from unnest(a, b) with ordinality as t(x, y, i) $$;
