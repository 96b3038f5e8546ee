-- The security baseline: every call has a caller (the bearer token's subject).

-- An Idempotency-Key belongs to the caller who sent it: the same key from another caller is another
-- request, and never replays the first caller's answer. Keys stored before had no caller.
ALTER TABLE idempotency_key ADD COLUMN caller_id varchar(100) NOT NULL DEFAULT '';
ALTER TABLE idempotency_key ALTER COLUMN caller_id DROP DEFAULT;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (caller_id, operation, key);

-- The acting user's display name, when their token has one, beside their id.
ALTER TABLE lead_history ADD COLUMN actor_name varchar(200);
ALTER TABLE lead_activity ADD COLUMN author_name varchar(200);
