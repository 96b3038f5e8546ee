-- The qualification agent (docs/agent-and-worklist.md): an admin's policy of rules that disqualify a
-- lead, mark it ready to qualify or (opt-in) qualify it. Every version is kept, as the qualification
-- policy's are: a change is a new row, so that each action names the version that decided it.
CREATE TABLE agent_policy_version (
    version          integer PRIMARY KEY CHECK (version > 0),
    policy           jsonb        NOT NULL,
    changed_by       varchar(100) NOT NULL,
    changed_by_name  varchar(200),
    changed_at       timestamptz  NOT NULL,
    note             varchar(1000)
);

-- A run of the agent over the Open leads: queued by the schedule or on demand, claimed by one
-- instance (FOR UPDATE SKIP LOCKED), worked in batches (after_lead is the last lead id done, so that a
-- run whose instance died resumes where it stopped once claimed_until has passed). decisions: what it
-- did, or for a dry run would do, lead by lead (the first leadflow.agent.report-limit of them).
CREATE TABLE agent_run (
    id                 uuid PRIMARY KEY,
    trigger            varchar(10)  NOT NULL CHECK (trigger IN ('SCHEDULE', 'DEMAND')),
    dry_run            boolean      NOT NULL,
    status             varchar(10)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    policy_version     integer,
    requested_by       varchar(100) NOT NULL,
    requested_by_name  varchar(200),
    requested_at       timestamptz  NOT NULL,
    started_at         timestamptz,
    finished_at        timestamptz,
    claimed_until      timestamptz,
    after_lead         uuid,
    evaluated          integer      NOT NULL DEFAULT 0,
    acted              integer      NOT NULL DEFAULT 0,
    skipped            integer      NOT NULL DEFAULT 0,
    decisions          jsonb        NOT NULL DEFAULT '[]'::jsonb,
    error              varchar(500)
);

CREATE INDEX agent_run_pending_idx ON agent_run (requested_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX agent_run_requested_idx ON agent_run (requested_at DESC, id DESC);
-- One scheduled run at a time, whichever instance's schedule queued it.
CREATE UNIQUE INDEX agent_run_one_scheduled_idx ON agent_run (trigger) WHERE trigger = 'SCHEDULE' AND status IN ('QUEUED', 'RUNNING');

-- What the agent did to a lead, with its reasons; undone_* when a person undid it (reactivated the
-- lead it disqualified, or cleared its ready-to-qualify mark). A lead with an undone action is one a
-- person overruled the agent on: the agent leaves it alone from then on.
CREATE TABLE lead_agent_action (
    id               uuid PRIMARY KEY,
    lead_id          uuid         NOT NULL REFERENCES lead (id),
    run_id           uuid,
    action           varchar(12)  NOT NULL CHECK (action IN ('DISQUALIFY', 'MARK_READY', 'QUALIFY')),
    rule_name        varchar(100) NOT NULL,
    reasons          jsonb        NOT NULL,
    policy_version   integer      NOT NULL,
    status_before    varchar(30)  NOT NULL,
    acted_at         timestamptz  NOT NULL,
    undone_at        timestamptz,
    undone_by        varchar(100),
    undone_by_name   varchar(200)
);

CREATE INDEX lead_agent_action_lead_idx ON lead_agent_action (lead_id, acted_at DESC);
-- The worklist's "ready to qualify" per lead: few leads have a mark in force.
CREATE INDEX lead_agent_ready_idx ON lead_agent_action (lead_id) WHERE action = 'MARK_READY' AND undone_at IS NULL;
