-- Entries written in one transaction share their time: a sequence keeps the order they happened in.
ALTER TABLE lead_history ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX lead_history_lead_idx;
CREATE INDEX lead_history_lead_idx ON lead_history (lead_id, occurred_at DESC, seq DESC);

-- History written before V3 stored its JSON as a JSON string; store the document itself.
UPDATE lead_history SET changes = (changes #>> '{}')::jsonb WHERE jsonb_typeof(changes) = 'string';
UPDATE lead_history SET details = (details #>> '{}')::jsonb WHERE jsonb_typeof(details) = 'string';
UPDATE idempotency_key SET response_headers = (response_headers #>> '{}')::jsonb
    WHERE jsonb_typeof(response_headers) = 'string';

-- Scopes such as "mark-contacted:<lead id>" are longer than 50 characters.
ALTER TABLE idempotency_key ALTER COLUMN operation TYPE varchar(100);
