-- The similar-name duplicate rule (person name AND company name each with trigram similarity >= 0.6)
-- was served by a GIN trigram index over both names (V23). A trigram search reads the posting list
-- of every trigram of the probe, and common trigrams ("son", "ing", "an ") are in a good share of all
-- names: at 1,000,000 leads one probe read 1,300 index pages (54 ms for a common name), and an
-- import's chunk of 500 probes took 2 s even among 77,000 distinct names.
--
-- Candidates are now found as CRMs find them at scale (Dynamics 365's matchcodes, Salesforce's match
-- keys): by a blocking key, the first three characters of the last name and of the company name
-- (lower case, without spaces and punctuation), looked up in a B-tree; the trigram similarity of the
-- person name and of the company name is then computed for the leads of that block only, inside the
-- index, which also carries the two names, the owner and the id (an index-only scan). The price: a
-- lead whose last name or company starts differently ("Smith" / "Smyth" pass, "The Acme Co" / "Acme
-- Co" do not) is not found by this rule; the email, phone and email-domain rules still see it. The
-- names and the key are stored columns, computed by PostgreSQL, because an index-only scan cannot use
-- expressions; the query computes the probe's key with the same function.
CREATE FUNCTION lead_name_block(last_name text, company_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
    AS $$ SELECT left(translate(lower(last_name), ' .,-&/()''"', ''), 3) || '|'
                 || left(translate(lower(company_name), ' .,-&/()''"', ''), 3) $$;

ALTER TABLE lead
    ADD COLUMN person_key text GENERATED ALWAYS AS (
        CASE WHEN last_name IS NOT NULL AND company_name IS NOT NULL
             THEN lower(coalesce(first_name, '') || ' ' || last_name) END) STORED,
    ADD COLUMN company_key text GENERATED ALWAYS AS (
        CASE WHEN last_name IS NOT NULL AND company_name IS NOT NULL
             THEN lower(company_name) END) STORED,
    ADD COLUMN name_block text GENERATED ALWAYS AS (lead_name_block(last_name, company_name)) STORED;

CREATE INDEX lead_name_block_idx ON lead (name_block) INCLUDE (person_key, company_key, owner_id, id)
    WHERE name_block IS NOT NULL AND state <> 'QUALIFIED' AND status_reason <> 'MERGED';
DROP INDEX lead_person_and_company_name_trgm_idx;
