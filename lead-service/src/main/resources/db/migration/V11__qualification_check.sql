-- How a qualified lead passed the qualification policy's gate (docs/architecture.md, section
-- Qualification policy): the policy version and readiness, and a sales manager's override with its
-- justification and the required criteria it overrode. Leads qualified before the gate have none.
ALTER TABLE lead
  ADD COLUMN qualified_policy_version integer,
  ADD COLUMN qualified_readiness integer,
  ADD COLUMN qualified_override_by varchar(100),
  ADD COLUMN qualified_override_by_name varchar(200),
  ADD COLUMN qualified_override_justification varchar(1000),
  ADD COLUMN qualified_overridden_criteria varchar(2600);
