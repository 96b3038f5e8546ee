-- The lead measured against the qualification policy, kept on its row so that the lead list can be
-- sorted and filtered by readiness (GET /api/v1/leads?sort=readiness,desc&readinessMin=60). Written
-- when a lead is created or edited, and again by the readiness refresher for every lead measured by
-- an older policy version (or never: NULL) than the one in force. Not a change of the lead: the
-- refresher leaves its version (the ETag) as it is.
ALTER TABLE lead
  ADD COLUMN readiness_score smallint,
  ADD COLUMN readiness_fit varchar(16),
  ADD COLUMN readiness_required_met boolean,
  ADD COLUMN readiness_policy_version integer;

-- A manager's list, most ready first; NULL (not measured yet) last.
CREATE INDEX lead_readiness_idx ON lead (readiness_score DESC NULLS LAST, id DESC);
-- A seller's list (always filtered by owner), most ready first. It serves the owner filter alone as
-- well, so lead_owner_idx is redundant and goes: one index fewer to maintain on every insert.
CREATE INDEX lead_owner_readiness_idx ON lead (owner_id, readiness_score DESC NULLS LAST, id DESC);
DROP INDEX lead_owner_idx;
-- The refresher's work: leads measured by an older policy version, or not at all.
CREATE INDEX lead_readiness_policy_version_idx ON lead (readiness_policy_version NULLS FIRST);
