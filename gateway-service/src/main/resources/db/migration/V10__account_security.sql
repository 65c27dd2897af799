-- Account security state (identity flows): verification, lockout, admin lock, TOTP.
ALTER TABLE account
    ADD COLUMN email_verified_at      timestamptz,
    ADD COLUMN failed_logins          integer     NOT NULL DEFAULT 0,
    ADD COLUMN locked_until           timestamptz,
    -- set after too many consecutive failures: only a password reset lifts it
    ADD COLUMN soft_locked_at         timestamptz,
    -- set by an administrator: login and refresh refused until unlocked
    ADD COLUMN admin_locked_at        timestamptz,
    ADD COLUMN password_changed_at    timestamptz,
    -- TOTP secret encrypted with the account AEAD (associated data binds it to the account)
    ADD COLUMN totp_secret_ciphertext bytea,
    ADD COLUMN totp_enabled_at        timestamptz,
    -- last accepted RFC 6238 time step: a code is accepted at most once
    ADD COLUMN totp_last_step         bigint,
    ADD CONSTRAINT account_failed_logins_check CHECK (failed_logins >= 0),
    ADD CONSTRAINT account_roles_check CHECK (roles <@ ARRAY['USER', 'COACH', 'ADMIN']::text[]);

CREATE INDEX account_admin_idx ON account USING gin (roles);

-- One-time tokens sent by e-mail: only SHA-256 hashes are stored.
CREATE TABLE account_token (
    id               uuid        PRIMARY KEY,
    user_id          uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose          text        NOT NULL,
    token_hash       bytea       NOT NULL,
    -- EMAIL_CHANGE only: the new address (encrypted, bound to the account) and its blind index
    email_ciphertext bytea,
    email_index      bytea,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    used_at          timestamptz,
    CONSTRAINT account_token_hash_key UNIQUE (token_hash),
    CONSTRAINT account_token_purpose_check CHECK (purpose IN ('EMAIL_VERIFICATION', 'EMAIL_CHANGE', 'PASSWORD_RESET')),
    CONSTRAINT account_token_email_check CHECK ((purpose = 'EMAIL_CHANGE') = (email_index IS NOT NULL))
);

CREATE INDEX account_token_user_idx ON account_token (user_id, purpose);

-- TOTP recovery codes: SHA-256 of high-entropy random codes, each usable once.
CREATE TABLE totp_recovery_code (
    user_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash bytea       NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- Sessions: the client that started a refresh-token family, and whether it logged in with a second factor.
ALTER TABLE refresh_token
    ADD COLUMN user_agent text,
    ADD COLUMN mfa        boolean NOT NULL DEFAULT false;
