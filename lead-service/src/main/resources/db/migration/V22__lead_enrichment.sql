-- Enrichment (docs/enrichment.md): what LeadFlow found out about a lead on its own, one row per lead,
-- written by the enrichment consumer of lead-events after a create or an edit, never by a request.
-- facts: every enriched value with its source and time ({"emailDomain": {"value": "acme.com",
-- "source": "email", "enrichedAt": "..."}}); filled: the lead fields enrichment wrote, with the value
-- it wrote (a field whose value differs from it is a person's); person_owned: fields a person changed
-- after enrichment filled them (field -> when enrichment noticed), never filled again. JSON objects
-- all three: Hibernate Reactive reads a JSON column as an object. The flags scoring and the agent read, and the list
-- filters by, are columns of their own.
CREATE TABLE lead_enrichment (
    lead_id                    uuid PRIMARY KEY REFERENCES lead (id),
    email_domain               varchar(255),
    company_domain             varchar(255),
    free_mail_email            boolean,
    disposable_email           boolean,
    email_bounced              boolean NOT NULL DEFAULT false,
    bounced_email              varchar(320),
    phone_country              varchar(2),
    seniority                  varchar(40),
    department                 varchar(40),
    facts                      jsonb   NOT NULL DEFAULT '{}'::jsonb,
    filled                     jsonb   NOT NULL DEFAULT '{}'::jsonb,
    person_owned               jsonb   NOT NULL DEFAULT '{}'::jsonb,
    provider_status            varchar(20) NOT NULL DEFAULT 'NOT_CONFIGURED'
        CHECK (provider_status IN ('NOT_CONFIGURED', 'NO_DOMAIN', 'PENDING', 'FOUND', 'NOT_FOUND', 'FAILED')),
    provider_domain            varchar(255),
    provider_attempts          integer NOT NULL DEFAULT 0,
    provider_last_error        varchar(500),
    provider_checked_at        timestamptz,
    provider_next_attempt_at   timestamptz,
    enriched_at                timestamptz NOT NULL,
    version                    bigint  NOT NULL DEFAULT 0
);

-- The lookups due again (failed, or asked for again): the retry schedule claims them with SKIP LOCKED.
CREATE INDEX lead_enrichment_provider_due_idx ON lead_enrichment (provider_next_attempt_at)
    WHERE provider_next_attempt_at IS NOT NULL;
-- The list's filters on the flags (GET /leads?disposableEmail=true, ...): few leads have each.
CREATE INDEX lead_enrichment_disposable_idx ON lead_enrichment (lead_id) WHERE disposable_email;
CREATE INDEX lead_enrichment_free_mail_idx ON lead_enrichment (lead_id) WHERE free_mail_email;
CREATE INDEX lead_enrichment_bounced_idx ON lead_enrichment (lead_id) WHERE email_bounced;
CREATE INDEX lead_enrichment_seniority_idx ON lead_enrichment (seniority, lead_id) WHERE seniority IS NOT NULL;
CREATE INDEX lead_enrichment_department_idx ON lead_enrichment (department, lead_id) WHERE department IS NOT NULL;
