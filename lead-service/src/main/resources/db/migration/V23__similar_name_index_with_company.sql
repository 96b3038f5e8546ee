-- The similar-name duplicate rule asks for a similar person name AND a similar company name. V17's
-- trigram index covered the person name only: a common name (hundreds of leads called "Carol
-- Sutherland" at 1,000,000 leads) made the index return tens of thousands of rows, each then read and
-- filtered by company (200-370 ms). One GIN index over both expressions lets PostgreSQL intersect the
-- two trigram matches inside the index. The connection sets pg_trgm.similarity_threshold to the rule's
-- own 0.6 (application.properties), so that the index returns only rows that can pass the rule's
-- similarity filters; the filters themselves stay in the query, so results never depend on the setting.
-- Without GIN's fast update, as V19 set for the index this one replaces: a check during an import
-- would otherwise also scan the pending list of entries not yet merged, which grows with every insert.
CREATE INDEX lead_person_and_company_name_trgm_idx ON lead
    USING gin ((lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) gin_trgm_ops,
               (lower(company_name)) gin_trgm_ops)
    WITH (fastupdate = off)
    WHERE last_name IS NOT NULL AND company_name IS NOT NULL AND state <> 'QUALIFIED';
DROP INDEX lead_person_name_trgm_idx;
