-- The address a request named itself (the new address of an e-mail change): encrypted (Tink AEAD,
-- bound to the message id) and kept only until the message is SENT, FAILED or SUPPRESSED.
-- own_address stays, so such a message is never sent to the projected address instead (nor resent).
alter table message add column to_address_ciphertext bytea;
alter table message add column own_address boolean not null default false;
