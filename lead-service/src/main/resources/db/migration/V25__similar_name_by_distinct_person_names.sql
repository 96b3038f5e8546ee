-- The similar-name duplicate rule (a person name AND a company name each with trigram similarity
-- >= 0.6) was served by one GIN trigram index over both names on the lead table (V23). Its cost is the
-- length of the posting lists of the probe's trigrams, and the lead table repeats the same names: at
-- 1,000,000 leads one probe read 1,300 index pages (54 ms), an import chunk's 500 probes took seconds,
-- and every insert wrote ~40 trigram entries into an index without fast update.
--
-- Now the rule runs in two steps, with the same result:
--   1. the similar person names, found by a GIN trigram index over the DISTINCT person names
--      (lead_person_name: one row per name ever entered, a few thousand where the lead table has a
--      million rows);
--   2. the leads with one of those names, by a B-tree over (person name, company name) that carries
--      owner and id, so that the company's similarity is checked inside the index (index-only scan).
-- The names are stored columns of the lead, computed by PostgreSQL from the same expressions as
-- before, so that the B-tree holds plain columns (an index-only scan cannot use an expression index).
ALTER TABLE lead
    ADD COLUMN person_key text GENERATED ALWAYS AS (
        CASE WHEN last_name IS NOT NULL AND company_name IS NOT NULL
             THEN lower(coalesce(first_name, '') || ' ' || last_name) END) STORED,
    ADD COLUMN company_key text GENERATED ALWAYS AS (
        CASE WHEN last_name IS NOT NULL AND company_name IS NOT NULL
             THEN lower(company_name) END) STORED;

CREATE INDEX lead_similar_name_idx ON lead (person_key, company_key) INCLUDE (owner_id, id)
    WHERE person_key IS NOT NULL AND state <> 'QUALIFIED' AND status_reason <> 'MERGED';
DROP INDEX lead_person_and_company_name_trgm_idx;

-- Every person name a lead has had. Names are never removed: a name no candidate has any more finds
-- no lead in step 2, which is all it costs. Without fast update, as for V23: new names are rare
-- compared with lookups, and a lookup would otherwise also scan the list of pending entries.
CREATE TABLE lead_person_name (
    name text PRIMARY KEY
);
INSERT INTO lead_person_name SELECT DISTINCT person_key FROM lead WHERE person_key IS NOT NULL;
CREATE INDEX lead_person_name_trgm_idx ON lead_person_name USING gin (name gin_trgm_ops) WITH (fastupdate = off);

-- Kept by the database itself, whoever writes a lead (a request, an import chunk of 500 rows in one
-- INSERT, a merge): once per statement for inserts, per row only when an update changes the name.
CREATE FUNCTION lead_person_name_of_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO lead_person_name (name)
        SELECT DISTINCT person_key FROM inserted_lead WHERE person_key IS NOT NULL
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER lead_person_name_on_insert AFTER INSERT ON lead
    REFERENCING NEW TABLE AS inserted_lead FOR EACH STATEMENT EXECUTE FUNCTION lead_person_name_of_inserted();

CREATE FUNCTION lead_person_name_of_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO lead_person_name (name) VALUES (NEW.person_key) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER lead_person_name_on_update AFTER UPDATE ON lead FOR EACH ROW
    WHEN (NEW.person_key IS NOT NULL AND NEW.person_key IS DISTINCT FROM OLD.person_key)
    EXECUTE FUNCTION lead_person_name_of_updated();

-- pg_trgm declares its similarity functions as cheap as an addition (cost 1), so the planner reads a
-- table of a few thousand names by comparing each (10 ms) rather than by its trigram index (0.4 ms).
-- Their true cost is that of building two trigram sets. Only the extension's owner may change it; a
-- database where pg_trgm belongs to someone else keeps the default and plans the same lookups more
-- slowly (the results are the same).
DO $$
BEGIN
    ALTER FUNCTION similarity(text, text) COST 50;
    ALTER FUNCTION similarity_op(text, text) COST 50;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_trgm belongs to another role: the similarity functions keep their default cost';
END $$;
