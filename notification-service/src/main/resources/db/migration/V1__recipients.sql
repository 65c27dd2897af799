-- Who can be notified, projected from identity events. The address is encrypted (Tink AEAD).
create table recipient (
    user_id          uuid primary key,
    email_ciphertext bytea       not null,
    locale           varchar(8)  not null,
    time_zone        varchar(64) not null,
    email_verified   boolean     not null default false,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create table preference (
    user_id    uuid        not null references recipient (user_id) on delete cascade,
    category   varchar(32) not null,
    enabled    boolean     not null,
    updated_at timestamptz not null,
    primary key (user_id, category)
);
