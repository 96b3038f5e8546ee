-- Inbox (docs/architecture.md, section "Reliable messaging"): the id (ce_id) of every event this service consumed, recorded in
-- the same transaction as the event's effect. A redelivered event finds its id here and is skipped.
CREATE TABLE processed_event (
    event_id      uuid PRIMARY KEY,
    type          varchar(100) NOT NULL,
    source        varchar(200) NOT NULL,
    subject       varchar(100),
    outcome       varchar(20) NOT NULL,
    processed_at  timestamptz NOT NULL
);

CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
