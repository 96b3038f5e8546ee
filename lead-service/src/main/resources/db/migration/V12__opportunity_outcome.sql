-- The final outcome of the opportunity a lead was converted into (docs/architecture.md, section
-- Opportunities, accounts and contacts): won or lost with its status reason, revenue, competitor and
-- close date, as opportunity-service publishes them; cleared when the opportunity is reopened. It is
-- what scoring learns from.
ALTER TABLE lead
  ADD COLUMN outcome_result varchar(10),
  ADD COLUMN outcome_status_reason varchar(30),
  ADD COLUMN outcome_opportunity_id uuid,
  ADD COLUMN outcome_revenue_amount numeric(21, 4),
  ADD COLUMN outcome_revenue_currency varchar(3),
  ADD COLUMN outcome_competitor varchar(200),
  ADD COLUMN outcome_close_date date,
  ADD COLUMN outcome_recorded_at timestamptz;
