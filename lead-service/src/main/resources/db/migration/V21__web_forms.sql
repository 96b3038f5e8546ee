-- Web-to-lead (issue 16): forms an admin sets up, whose public capture endpoint creates leads with
-- source Web. Counters of submissions per window (per form, and per client address) live here, so
-- that the limits hold across every instance of lead-service.
CREATE TABLE web_form (
    id                   uuid PRIMARY KEY,
    name                 varchar(200) NOT NULL,
    form_key             varchar(64) NOT NULL,
    active               boolean NOT NULL,
    -- {"allowedOrigins": [...], "fieldMapping": {form field: lead field}, "requiredFields": [...], "consentFields": [...]}
    form_fields          jsonb NOT NULL,
    honeypot_field       varchar(100),
    owner_id             varchar(100),
    redirect_url         varchar(2000),
    per_form_limit       integer NOT NULL,
    per_address_limit    integer NOT NULL,
    rate_window_seconds  integer NOT NULL,
    leads_created        bigint NOT NULL DEFAULT 0,
    honeypot_caught      bigint NOT NULL DEFAULT 0,
    duplicates_refused   bigint NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint NOT NULL
);

-- One row per form, scope ('form', or 'address:<client address>') and window; a window's row is
-- replaced by the next one's (the statement that counts deletes the scope's older windows).
CREATE TABLE web_form_submissions (
    form_id       uuid NOT NULL REFERENCES web_form (id) ON DELETE CASCADE,
    scope         varchar(120) NOT NULL,
    window_start  timestamptz NOT NULL,
    submissions   integer NOT NULL,
    PRIMARY KEY (form_id, scope, window_start)
);

-- The consent a visitor gave on a form (each consent field sent): kept with the lead, the form, the
-- time and the address it came from. No foreign key to web_form: a consent outlives its form.
CREATE TABLE web_form_consent (
    id              uuid PRIMARY KEY,
    form_id         uuid NOT NULL,
    lead_id         uuid NOT NULL REFERENCES lead (id),
    field           varchar(100) NOT NULL,
    value           varchar(500) NOT NULL,
    client_address  varchar(100) NOT NULL,
    recorded_at     timestamptz NOT NULL
);

CREATE INDEX web_form_consent_lead_idx ON web_form_consent (lead_id);
