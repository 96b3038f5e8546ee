-- The transactional outbox (module messaging: Outbox writes it, OutboxRelay publishes it): events
-- written in the same transaction as the change they describe, published to the service's topic in
-- position order, marked published once Kafka acknowledged them.
--
-- A repeatable migration of module messaging's location (db/messaging), as R__dead_letter.sql: it
-- must stay idempotent. Services migrated before the outbox moved here (lead-service V1 to V7,
-- opportunity-service V2 and V3) already have this table; for them the statements below change
-- nothing. See messaging/README.md, "Schema".

CREATE TABLE IF NOT EXISTS outbox_event (
    position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             uuid NOT NULL UNIQUE,
    aggregate_type varchar(50) NOT NULL,
    aggregate_id   uuid NOT NULL,
    type           varchar(100) NOT NULL,
    occurred_at    timestamptz NOT NULL,
    payload        jsonb NOT NULL,
    published_at   timestamptz
);

CREATE INDEX IF NOT EXISTS outbox_event_unpublished_idx ON outbox_event (position) WHERE published_at IS NULL;

-- The relay polls: the NOTIFY trigger it was once woken by serialised every commit that wrote an
-- event (docs/benchmarks.md). A database migrated up to a version that still had it loses it here.
DROP TRIGGER IF EXISTS outbox_event_notify ON outbox_event;
DROP FUNCTION IF EXISTS notify_outbox();

-- The W3C trace context (traceparent, tracestate) of the transaction that wrote the event: the
-- relay puts it on the Kafka record, so that the consumer's work continues the writer's trace.
-- Null for events written outside any trace (and for those written before these columns).
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS trace_parent text;
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS trace_state text;
