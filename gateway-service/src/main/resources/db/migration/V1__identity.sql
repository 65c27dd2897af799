-- Accounts: the e-mail is stored encrypted (Tink AEAD) and found through a keyed blind index.
CREATE TABLE account (
    id               uuid        PRIMARY KEY,
    email_ciphertext bytea       NOT NULL,
    email_index      bytea       NOT NULL,
    display_name     text        NOT NULL,
    locale           text        NOT NULL,
    time_zone        text        NOT NULL,
    password_hash    text        NOT NULL,
    roles            text[]      NOT NULL DEFAULT ARRAY['USER'],
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_email_index_key UNIQUE (email_index),
    CONSTRAINT account_email_index_len CHECK (octet_length(email_index) = 32),
    CONSTRAINT account_locale_check CHECK (locale IN ('ru', 'en')),
    CONSTRAINT account_display_name_len CHECK (char_length(display_name) BETWEEN 1 AND 64)
);

-- Refresh tokens: only SHA-256 hashes; one family per login, rotated on every refresh.
CREATE TABLE refresh_token (
    id          uuid        PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT refresh_token_hash_key UNIQUE (token_hash)
);

CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id);
