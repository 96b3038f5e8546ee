-- Every version of the organisation's qualification policy (docs/architecture.md, section
-- Qualification policy). A change is a new row, never an update, so that each readiness and each
-- override can name the version it was measured by, and the rows are the policy's audit trail.
CREATE TABLE qualification_policy_version (
  version integer PRIMARY KEY CHECK (version > 0),
  policy jsonb NOT NULL,
  changed_by varchar(100) NOT NULL,
  changed_by_name varchar(200),
  changed_at timestamptz NOT NULL,
  note varchar(1000)
);
