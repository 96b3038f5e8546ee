-- The opportunity pipeline (opportunity-service README, "Opportunity pipeline"): stages with the
-- data each requires and a default probability, the seller's own data on the opportunity, lines with
-- discount and tax, closing as won or lost, and an audit history of every change.

-- Money keeps the decimals its currency has by ISO 4217 (JPY 0, EUR 2, KWD 3, CLF 4): every money
-- column takes four decimals and keeps 17 digits before the point, as numeric(19, 2) did.
ALTER TABLE opportunity ALTER COLUMN estimated_value_amount TYPE numeric(21, 4);
ALTER TABLE opportunity_line ALTER COLUMN unit_price_amount TYPE numeric(21, 4);
ALTER TABLE opportunity_line ALTER COLUMN amount TYPE numeric(21, 4);
ALTER TABLE account ALTER COLUMN annual_revenue_amount TYPE numeric(21, 4);

-- The stages of Dynamics' lead-to-opportunity sales process, in order, with the data an opportunity
-- needs to enter each (the stages before included) and the probability it gets there. An admin
-- changes both (PUT /api/v1/opportunity-stages/{stage}).
CREATE TABLE opportunity_stage_setting (
    stage               varchar(20) PRIMARY KEY,
    position            integer NOT NULL UNIQUE,
    default_probability integer NOT NULL CHECK (default_probability BETWEEN 0 AND 100),
    required_data       varchar(500) NOT NULL,
    updated_at          timestamptz NOT NULL,
    updated_by          varchar(100),
    version             bigint NOT NULL
);

INSERT INTO opportunity_stage_setting (stage, position, default_probability, required_data, updated_at, updated_by, version)
VALUES ('QUALIFY', 1, 10, '', now(), NULL, 0),
       ('DEVELOP', 2, 40, 'customerNeed,proposedSolution', now(), NULL, 0),
       ('PROPOSE', 3, 60, 'lines,estimatedValue', now(), NULL, 0),
       ('CLOSE', 4, 80, 'finalProposalDate', now(), NULL, 0);

-- What the seller records on the opportunity, its stage, and how it was closed. estimated_value_source
-- is Dynamics' revenue choice: 'LINES' (system-calculated: the sum of the lines) or 'USER' (the value
-- the seller set). An opportunity converted with lines, or without any value, follows its lines.
ALTER TABLE opportunity
    ADD COLUMN description            varchar(4000),
    ADD COLUMN customer_need          varchar(4000),
    ADD COLUMN proposed_solution      varchar(4000),
    ADD COLUMN final_proposal_date    date,
    ADD COLUMN stage                  varchar(20) NOT NULL DEFAULT 'QUALIFY' REFERENCES opportunity_stage_setting (stage),
    ADD COLUMN stage_entered_at       timestamptz,
    ADD COLUMN probability            integer NOT NULL DEFAULT 10 CHECK (probability BETWEEN 0 AND 100),
    ADD COLUMN estimated_value_source varchar(10) NOT NULL DEFAULT 'LINES' CHECK (estimated_value_source IN ('LINES', 'USER')),
    ADD COLUMN actual_revenue_amount  numeric(21, 4),
    ADD COLUMN actual_revenue_currency char(3),
    ADD COLUMN actual_close_date      date,
    ADD COLUMN competitor             varchar(200),
    ADD COLUMN close_note             varchar(4000),
    ADD COLUMN closed_at              timestamptz,
    ADD COLUMN updated_at             timestamptz,
    ADD CONSTRAINT opportunity_actual_revenue_has_currency
        CHECK ((actual_revenue_amount IS NULL) = (actual_revenue_currency IS NULL));

UPDATE opportunity o
   SET stage_entered_at = o.created_at,
       updated_at = o.created_at,
       estimated_value_source = CASE
           WHEN o.estimated_value_amount IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM opportunity_line l WHERE l.opportunity_id = o.id) THEN 'USER'
           ELSE 'LINES' END;

ALTER TABLE opportunity
    ALTER COLUMN stage_entered_at SET NOT NULL,
    ALTER COLUMN updated_at SET NOT NULL,
    ALTER COLUMN stage DROP DEFAULT,
    ALTER COLUMN probability DROP DEFAULT,
    ALTER COLUMN estimated_value_source DROP DEFAULT;

CREATE INDEX opportunity_stage_idx ON opportunity (stage);

-- A line: extended amount = quantity × price per unit − discount + tax, in the opportunity's currency.
-- A write-in product is named by product_name; a line of a catalogue product will add its product id.
ALTER TABLE opportunity_line
    ADD COLUMN description     varchar(2000),
    ADD COLUMN discount_amount numeric(21, 4) NOT NULL DEFAULT 0 CHECK (discount_amount >= 0),
    ADD COLUMN tax_amount      numeric(21, 4) NOT NULL DEFAULT 0 CHECK (tax_amount >= 0);

-- Each stage an opportunity was in, from when to when (left_at is null for the current one).
CREATE TABLE opportunity_stage_visit (
    id             uuid PRIMARY KEY,
    opportunity_id uuid NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    stage          varchar(20) NOT NULL,
    entered_at     timestamptz NOT NULL,
    left_at        timestamptz,
    entered_by     varchar(100)
);

CREATE INDEX opportunity_stage_visit_idx ON opportunity_stage_visit (opportunity_id, entered_at);

INSERT INTO opportunity_stage_visit (id, opportunity_id, stage, entered_at, left_at, entered_by)
SELECT gen_random_uuid(), id, 'QUALIFY', created_at, NULL, NULL FROM opportunity;

-- The audit history of a record: who changed what, when, with the old and new values. Generic (the
-- record's type and id) so that every kind of record can keep its history here.
CREATE TABLE record_history (
    id          uuid PRIMARY KEY,
    record_type varchar(30) NOT NULL,
    record_id   uuid NOT NULL,
    seq         bigserial NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor_id    varchar(100),
    actor_name  varchar(200),
    action      varchar(50) NOT NULL,
    changes     jsonb NOT NULL
);

CREATE INDEX record_history_record_idx ON record_history (record_type, record_id, seq);

-- The first answer to each Idempotency-Key of a caller (docs/architecture.md, section REST conventions),
-- kept for leadflow.idempotency-key-retention; the same table as lead-service's.
CREATE TABLE idempotency_key (
    caller_id        varchar(100) NOT NULL,
    operation        varchar(100) NOT NULL,
    key              varchar(200) NOT NULL,
    request_hash     varchar(64) NOT NULL,
    response_status  integer,
    response_body    text,
    response_headers jsonb,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (caller_id, operation, key)
);

CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
