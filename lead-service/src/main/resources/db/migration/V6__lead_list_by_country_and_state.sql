-- The list view's usual filter, country and state, newest first (GET /api/v1/leads?country=DE&state=Open
-- &sort=createdAt,desc). Over 1,000,000 leads the page read lead_created_at_idx backwards and filtered
-- (33 ms), and its total visited every DE lead's heap row to check its state (1 s, docs/benchmarks.md).
-- This index serves the page in order and the total from the index alone. It starts with country, so
-- lead_country_idx is redundant and goes: one index fewer to maintain on every insert.
CREATE INDEX lead_country_state_created_at_idx ON lead (country, state, created_at DESC, id DESC);
DROP INDEX lead_country_idx;
