-- Lead scoring (issue 17): the current score of a lead, 0-100 (a calibrated probability of
-- conversion in percent), and its grade A-D. They sit on the lead itself, beside readiness, because
-- the list sorts and filters by them and the worklist orders by them: a join per page would cost
-- what the owner-first index saves. NULL = not scored yet. Only the scorer writes them (by SQL, not
-- through the Lead entity); the explanation, trend and model version live with the scoring tables.
ALTER TABLE lead
    ADD COLUMN score       smallint CHECK (score BETWEEN 0 AND 100),
    ADD COLUMN score_grade char(1)  CHECK (score_grade IN ('A', 'B', 'C', 'D'));

-- A seller's list (always filtered by owner) and worklist, best score first.
CREATE INDEX lead_owner_score_idx ON lead (owner_id, score DESC NULLS LAST, id DESC);
-- A manager's list across owners, best score first.
CREATE INDEX lead_score_idx ON lead (score DESC NULLS LAST, id DESC);
