-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka
-- after commit by OutboxRelay, deleted once the broker acknowledged it.
create table stride_outbox (
    id              bigserial primary key,
    event_id        uuid        not null unique,
    topic           text        not null,
    message_key     text        not null,
    event_type      text        not null,
    payload         text        not null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);
create index stride_outbox_due on stride_outbox (next_attempt_at, id);

-- Idempotent consumers: an event id is recorded together with its effects.
create table stride_processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index stride_processed_event_age on stride_processed_event (processed_at);
