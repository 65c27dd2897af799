-- Marketing may use a person's data only with consent; every change is kept as evidence.
create table consent (
    user_id             uuid primary key,
    marketing_emails    boolean     not null,
    personalized_offers boolean     not null,
    updated_at          timestamptz not null
);
create table consent_change (
    id                  bigserial primary key,
    user_id             uuid        not null,
    marketing_emails    boolean     not null,
    personalized_offers boolean     not null,
    changed_at          timestamptz not null
);
create index consent_change_user on consent_change (user_id, changed_at);
