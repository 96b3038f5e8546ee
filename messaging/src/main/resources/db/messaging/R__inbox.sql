-- The consumers' inbox (module messaging: Inbox): the id (ce_id) of every event a service consumed
-- with an effect, recorded in the same transaction as the effect. A redelivered event finds its id
-- here and is skipped.
--
-- A repeatable migration of module messaging's location (db/messaging), as R__dead_letter.sql: it
-- must stay idempotent. Services migrated before the inbox moved here (lead-service V4,
-- opportunity-service V1) already have this table; for them the table statement changes nothing.
-- See messaging/README.md, "Schema".

CREATE TABLE IF NOT EXISTS processed_event (
    event_id      uuid PRIMARY KEY,
    type          varchar(100) NOT NULL,
    source        varchar(200) NOT NULL,
    subject       varchar(100),
    outcome       varchar(20) NOT NULL,
    processed_at  timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS processed_event_processed_at_idx ON processed_event (processed_at);
