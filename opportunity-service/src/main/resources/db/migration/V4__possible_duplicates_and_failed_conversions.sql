-- A record a conversion created although an existing record of another owner matched its lead: a
-- conversion reuses only what the lead's owner may see (README, "Converting a qualified lead"), so
-- it made a new record, and a sales manager lists these (GET /api/v1/possible-duplicates).
CREATE TABLE possible_duplicate (
    id                  uuid PRIMARY KEY,
    record_type         varchar(10) NOT NULL CHECK (record_type IN ('account', 'contact')),
    record_id           uuid NOT NULL,
    existing_record_id  uuid NOT NULL,
    matched_by          varchar(100) NOT NULL,
    owner_id            varchar(100),
    existing_owner_id   varchar(100),
    originating_lead_id uuid NOT NULL,
    conversion_id       uuid NOT NULL,
    detected_at         timestamptz NOT NULL
);

CREATE INDEX possible_duplicate_detected_at_idx ON possible_duplicate (detected_at DESC, id);

-- The answer to each conversion that created nothing, so that the same conversion arriving again
-- under a new event id is answered the same way.
CREATE TABLE failed_conversion (
    conversion_id       uuid PRIMARY KEY,
    originating_lead_id uuid NOT NULL,
    opportunity_id      uuid,
    reason              varchar(100) NOT NULL,
    detail              varchar(2000),
    failed_at           timestamptz NOT NULL
);
