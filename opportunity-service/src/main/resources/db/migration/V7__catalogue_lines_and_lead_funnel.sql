-- Lines that refer to a catalogue product, and the lead facts of the funnel (opportunity-service
-- README: "Opportunity pipeline", "Pipeline view and funnel").

-- A line of a catalogue product names it; a write-in line does not. Products are never deleted.
ALTER TABLE opportunity_line ADD COLUMN product_id uuid REFERENCES product (id);

-- What the funnel knows of each lead, from lead-service's events on lead-events (never from its
-- database): when it was created and first qualified, and who owned it as of owner_since (the time of
-- the newest event that named its owner). One row per lead, written idempotently (an upsert by
-- lead id): a redelivered event changes nothing. created_at is null for a lead whose creation this
-- service never saw (created before its events were kept).
CREATE TABLE lead_funnel_fact (
    lead_id      uuid PRIMARY KEY,
    owner_id     text,
    owner_since  timestamptz NOT NULL,
    created_at   timestamptz,
    qualified_at timestamptz
);

CREATE INDEX lead_funnel_fact_created_idx ON lead_funnel_fact (created_at, owner_id);

-- The pipeline view reads the open opportunities by owner.
CREATE INDEX opportunity_open_owner_idx ON opportunity (owner_id, stage) WHERE state = 'OPEN';
