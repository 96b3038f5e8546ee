-- Duplicate detection on create and edit (docs/architecture.md, section Duplicate leads). Each rule is
-- set by an admin to block (409 listing the candidates the caller may see), warn (created; candidates
-- at GET /leads/{id}/duplicates, counted in a header) or off. Candidates are Open or Disqualified
-- leads: a Qualified lead is an opportunity's history, not a lead someone might enter again.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE duplicate_rule (
    rule             varchar(40) PRIMARY KEY,
    mode             varchar(8)  NOT NULL CHECK (mode IN ('BLOCK', 'WARN', 'OFF')),
    changed_by       varchar(255),
    changed_by_name  varchar(255),
    changed_at       timestamptz
);
INSERT INTO duplicate_rule (rule, mode) VALUES
    ('EMAIL', 'WARN'), ('PHONE', 'WARN'), ('SIMILAR_NAME', 'WARN'), ('EMAIL_DOMAIN_AND_LAST_NAME', 'WARN');

-- One index per rule, each over the leads that can be candidates, so that a check stays a few index
-- probes at 1,000,000 leads.
CREATE INDEX lead_email_lower_idx ON lead (lower(email))
    WHERE email IS NOT NULL AND state <> 'QUALIFIED';
CREATE INDEX lead_phone_idx ON lead (phone)
    WHERE phone IS NOT NULL AND state <> 'QUALIFIED';
CREATE INDEX lead_person_name_trgm_idx ON lead
    USING gin ((lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) gin_trgm_ops)
    WHERE last_name IS NOT NULL AND company_name IS NOT NULL AND state <> 'QUALIFIED';
CREATE INDEX lead_email_domain_last_name_idx ON lead (split_part(lower(email), '@', 2), lower(last_name))
    WHERE email IS NOT NULL AND last_name IS NOT NULL AND state <> 'QUALIFIED';
