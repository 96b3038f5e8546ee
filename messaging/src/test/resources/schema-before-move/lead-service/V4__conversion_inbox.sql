-- The lead's latest conversion (docs/architecture.md, section "Conversion"): pending until opportunity-service answers.
ALTER TABLE lead
    ADD COLUMN conversion_id              uuid,
    ADD COLUMN conversion_status          varchar(10),
    ADD COLUMN conversion_opportunity_id  uuid,
    ADD COLUMN conversion_account_id      uuid,
    ADD COLUMN conversion_contact_id      uuid,
    ADD COLUMN conversion_failure_reason  varchar(100),
    ADD COLUMN conversion_failure_detail  varchar(2000),
    ADD COLUMN conversion_requested_at    timestamptz,
    ADD COLUMN conversion_resolved_at     timestamptz,
    ADD COLUMN conversion_request         jsonb;

CREATE UNIQUE INDEX lead_conversion_idx ON lead (conversion_id) WHERE conversion_id IS NOT NULL;

-- Inbox: the ce_id of every opportunity event consumed, recorded with its effect.
CREATE TABLE processed_event (
    event_id      uuid PRIMARY KEY,
    type          varchar(100) NOT NULL,
    source        varchar(200) NOT NULL,
    subject       varchar(100),
    outcome       varchar(20) NOT NULL,
    processed_at  timestamptz NOT NULL
);
