-- Nurture (lead-service README, section Nurture): the system reactivates a disqualified lead on the
-- date it was nurtured until. The scheduled job claims the due leads through this partial index, in
-- date order, with FOR UPDATE SKIP LOCKED, so that several instances share the work and each lead is
-- reactivated once.
CREATE INDEX lead_nurture_due_idx ON lead (nurture_until, id) WHERE state = 'DISQUALIFIED' AND nurture_until IS NOT NULL;

-- The qualification policy's Cannot Contact rule flagged the lead: how many unanswered outreach
-- attempts since when, and when it was flagged; cleared by reactivation or an answered outreach.
ALTER TABLE lead
  ADD COLUMN cannot_contact_flagged_at timestamptz,
  ADD COLUMN cannot_contact_attempts integer,
  ADD COLUMN cannot_contact_since timestamptz;
