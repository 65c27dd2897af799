-- Uploaded workout files. The bytes are stored encrypted (Tink AEAD, associated data = upload id)
-- in a bytea column: simple and transactional for files up to 25 MB. Production path for larger
-- volumes: large objects or an object store (S3) holding the same ciphertext, with this row
-- keeping the key; see docs/workouts.md.
create table upload (
    id                    uuid primary key,
    user_id               uuid         not null,
    file_name             varchar(255) not null,
    size_bytes            bigint       not null,
    sha256                char(64)     not null,
    status                varchar(16)  not null,
    error                 varchar(500),
    workout_id            uuid,
    requested_sport       varchar(32),
    requested_title       varchar(200),
    requested_visibility  varchar(16),
    format                varchar(8),
    content               bytea,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    processing_started_at timestamptz
);
create index upload_user_sha on upload (user_id, sha256);
create index upload_processing on upload (processing_started_at) where status = 'PROCESSING';

-- Every workout made from an upload (a multisport FIT file makes one per session).
create table upload_workout (
    workout_id uuid primary key,
    upload_id  uuid not null references upload (id) on delete cascade
);
create index upload_workout_upload on upload_workout (upload_id);

-- Analysis results of file workouts (null for manual ones).
alter table workout add column device_manufacturer varchar(64);
alter table workout add column device_model varchar(64);
alter table workout add column splits_km jsonb;
alter table workout add column splits_mile jsonb;
alter table workout add column laps jsonb;
alter table workout add column best_efforts jsonb;
alter table workout add column polyline text;
