-- Dead letters (module messaging, DeadLetterStore): every event a consumer sends to its dead-letter
-- topic, also kept here so that an admin can list and re-drive it through the API.
--
-- This location (db/messaging) belongs to module messaging; each service adds it to
-- quarkus.flyway.locations. The script is a repeatable migration: it has no version, so it never
-- competes with the services' own numbered migrations in their one schema history, and Flyway runs it
-- again whenever it changes. It must therefore stay idempotent: change the table with
-- "ADD COLUMN IF NOT EXISTS" and the like, never by editing the CREATE TABLE of existing columns.

CREATE TABLE IF NOT EXISTS dead_letter (
    id                      uuid PRIMARY KEY,
    topic                   varchar(249) NOT NULL,
    kafka_partition         integer      NOT NULL,
    kafka_offset            bigint       NOT NULL,
    record_key              text,
    event_id                text,
    event_type              text,
    -- The record's headers, name -> UTF-8 value (the last one of a repeated name).
    headers                 jsonb        NOT NULL,
    -- The record's value exactly as received (UTF-8), null for a tombstone.
    payload                 bytea,
    reason                  text         NOT NULL,
    dead_lettered_at        timestamptz  NOT NULL,
    -- DEAD_LETTERED, REDRIVEN or REDRIVE_FAILED (re-driven and failed again).
    state                   varchar(20)  NOT NULL,
    redrive_count           integer      NOT NULL DEFAULT 0,
    last_redriven_at        timestamptz,
    last_redriven_by        varchar(100),
    last_redrive_failure    text,
    last_redrive_key        varchar(200),
    -- A record is dead-lettered once however often it is redelivered (a crash between this insert
    -- and the offset commit redelivers it).
    CONSTRAINT dead_letter_record_unique UNIQUE (topic, kafka_partition, kafka_offset)
);

CREATE INDEX IF NOT EXISTS dead_letter_newest_idx ON dead_letter (dead_lettered_at DESC, id DESC);
