-- Delivery log: one row per notification request, decided by its idempotency key.
create table message (
    id                uuid primary key,
    idempotency_key   varchar(200) not null unique,
    recipient_user_id uuid         not null,
    category          varchar(32)  not null,
    template_id       varchar(64)  not null,
    parameters        jsonb        not null,
    status            varchar(16)  not null check (status in ('QUEUED', 'SENT', 'RETRYING', 'FAILED', 'SUPPRESSED')),
    reason            varchar(500),
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz  not null,
    -- set while a worker holds the row (lease until next_attempt_at); the completing update must match it
    claim_token       uuid,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    sent_at           timestamptz
);

create index message_due on message (next_attempt_at) where status in ('QUEUED', 'RETRYING');
create index message_recipient on message (recipient_user_id, category, sent_at);

-- What happened to a message, in order (admin history).
create table message_event (
    id         bigserial primary key,
    message_id uuid        not null references message (id) on delete cascade,
    at         timestamptz not null,
    status     varchar(16) not null,
    reason     varchar(500)
);

create index message_event_message on message_event (message_id, id);

-- In-app inbox: every delivered message, with the title and a summary rendered at send time.
create table inbox_item (
    id         uuid primary key,
    user_id    uuid          not null,
    message_id uuid          not null unique,
    category   varchar(32)   not null,
    template_id varchar(64)  not null,
    title      varchar(300)  not null,
    body       varchar(2000) not null,
    created_at timestamptz   not null,
    read_at    timestamptz
);

create index inbox_item_user on inbox_item (user_id, created_at desc, id desc);
create index inbox_item_unread on inbox_item (user_id) where read_at is null;

-- Categories a user left through a one-click unsubscribe link (kept apart from preferences as evidence).
create table suppression (
    user_id    uuid         not null,
    category   varchar(32)  not null,
    reason     varchar(200) not null,
    created_at timestamptz  not null,
    primary key (user_id, category)
);
