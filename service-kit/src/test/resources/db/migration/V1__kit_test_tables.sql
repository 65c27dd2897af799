create table kit_test_applied (
    id         bigserial primary key,
    event_id   uuid not null,
    applied_at timestamptz not null default now()
);
create table kit_test_state (
    id   uuid primary key,
    name text not null
);
