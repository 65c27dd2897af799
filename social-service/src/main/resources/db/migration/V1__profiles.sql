create table profile (
    user_id      uuid primary key,
    display_name varchar(80)  not null,
    bio          varchar(500),
    city         varchar(100),
    visibility   varchar(16)  not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0
);
