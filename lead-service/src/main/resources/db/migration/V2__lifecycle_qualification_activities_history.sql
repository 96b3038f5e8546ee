-- Qualification data (docs/architecture.md, section "Qualification data"): each criterion with a note and who captured it when.
ALTER TABLE lead
    ADD COLUMN budget_amount           numeric(19, 2),
    ADD COLUMN budget_currency         char(3),
    ADD COLUMN budget_status           varchar(30),
    ADD COLUMN budget_note             varchar(2000),
    ADD COLUMN budget_captured_by      varchar(100),
    ADD COLUMN budget_captured_at      timestamptz,
    ADD COLUMN decision_maker          boolean,
    ADD COLUMN purchase_process        varchar(30),
    ADD COLUMN authority_note          varchar(2000),
    ADD COLUMN authority_captured_by   varchar(100),
    ADD COLUMN authority_captured_at   timestamptz,
    ADD COLUMN need                    varchar(30),
    ADD COLUMN need_note               varchar(2000),
    ADD COLUMN need_captured_by        varchar(100),
    ADD COLUMN need_captured_at        timestamptz,
    ADD COLUMN purchase_timeframe      varchar(30),
    ADD COLUMN timeline_note           varchar(2000),
    ADD COLUMN timeline_captured_by    varchar(100),
    ADD COLUMN timeline_captured_at    timestamptz,
    ADD COLUMN fit_note                varchar(2000),
    ADD COLUMN fit_captured_by         varchar(100),
    ADD COLUMN fit_captured_at         timestamptz,
    ADD COLUMN nurture_until           date;

CREATE INDEX lead_updated_at_idx ON lead (updated_at DESC, id);
CREATE INDEX lead_source_idx ON lead (source);
CREATE INDEX lead_country_idx ON lead (country);

-- The outreach timeline.
CREATE TABLE lead_activity (
    id           uuid PRIMARY KEY,
    lead_id      uuid NOT NULL REFERENCES lead (id),
    type         varchar(20) NOT NULL,
    subject      varchar(200) NOT NULL,
    description  varchar(4000),
    direction    varchar(10),
    outcome      varchar(20),
    occurred_at  timestamptz NOT NULL,
    ended_at     timestamptz,
    due_at       timestamptz,
    author_id    varchar(100) NOT NULL,
    author_via   varchar(10) NOT NULL,
    logged_at    timestamptz NOT NULL
);

CREATE INDEX lead_activity_timeline_idx ON lead_activity (lead_id, occurred_at DESC, id DESC);

-- The audit history: one entry per change of a lead, with every field's old and new value.
CREATE TABLE lead_history (
    id           uuid PRIMARY KEY,
    lead_id      uuid NOT NULL REFERENCES lead (id),
    occurred_at  timestamptz NOT NULL,
    actor_id     varchar(100) NOT NULL,
    actor_via    varchar(10) NOT NULL,
    action       varchar(30) NOT NULL,
    changes      jsonb NOT NULL,
    details      jsonb
);

CREATE INDEX lead_history_lead_idx ON lead_history (lead_id, occurred_at DESC, id DESC);

-- Idempotency-Key (docs/architecture.md, section "REST conventions"): the first answer to a key, replayed for its repeats.
CREATE TABLE idempotency_key (
    operation        varchar(50) NOT NULL,
    key              varchar(200) NOT NULL,
    request_hash     varchar(64) NOT NULL,
    response_status  integer,
    response_body    text,
    response_headers jsonb,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (operation, key)
);

CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
