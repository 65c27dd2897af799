-- Places whose points other users never see. The centre is encrypted (FieldCipher, associated
-- data = "privacy-zone:" + id): it is usually a home address.
create table privacy_zone (
    id         uuid primary key,
    user_id    uuid             not null,
    centre     bytea            not null,
    radius     double precision not null,
    created_at timestamptz      not null
);
create index privacy_zone_user on privacy_zone (user_id);
