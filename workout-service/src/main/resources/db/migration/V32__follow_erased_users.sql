-- Users erased by user-deleted, as the follow projection needs them: a follow event about one of
-- them that arrives after the deletion must not re-create a row. Only the random user id and the
-- time are kept (no personal data); see ADR 0011.
create table follow_erased_user (
    user_id   uuid        primary key,
    erased_at timestamptz not null
);
