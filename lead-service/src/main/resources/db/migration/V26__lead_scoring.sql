-- Lead scoring (issue 17, docs/scoring.md): training runs, the models they made, each lead's latest
-- score with its reasons and trend, and the organisation's scoring settings. lead.score and
-- lead.score_grade (V24) carry the score itself, for the list and the worklist.

-- What scoring leaves out: attributes the sales team fills in after contacting a lead (they leak
-- the outcome). One row, changed by admins.
CREATE TABLE scoring_settings (
    id                  smallint PRIMARY KEY CHECK (id = 1),
    excluded_attributes jsonb NOT NULL DEFAULT '[]'::jsonb,
    updated_at          timestamptz,
    updated_by          varchar(100),
    version             integer NOT NULL DEFAULT 1
);
INSERT INTO scoring_settings (id) VALUES (1);

-- A training, asked for by an admin or by the schedule, run by one instance after the request.
CREATE TABLE scoring_training_run (
    id             uuid PRIMARY KEY,
    status         varchar(10) NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    requested_by   varchar(100) NOT NULL,
    options        jsonb NOT NULL,
    created_at     timestamptz NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz,
    claimed_until  timestamptz,
    -- MODEL: a model was trained; RULES: too little history, the rule-based score stays in force.
    result         varchar(10) CHECK (result IN ('MODEL', 'RULES')),
    model_version  integer,
    -- What it saw (leads per outcome and origin, features, excluded attributes) and how the model did
    -- on the holdout (AUC, calibration, Brier score, the baselines).
    data           jsonb,
    metrics        jsonb,
    failure        varchar(1000)
);
CREATE INDEX scoring_training_run_created_idx ON scoring_training_run (created_at DESC);
CREATE INDEX scoring_training_run_finished_idx ON scoring_training_run (finished_at DESC) WHERE status = 'COMPLETED';
CREATE INDEX scoring_training_run_runnable_idx ON scoring_training_run (created_at) WHERE status IN ('QUEUED', 'RUNNING');

-- A trained model: its trees as XGBoost saves them (UBJSON), the columns it reads, its calibration.
-- The model of the latest completed training is in force (none when it found too little history).
CREATE TABLE scoring_model (
    version         integer PRIMARY KEY,
    training_run_id uuid NOT NULL REFERENCES scoring_training_run (id),
    created_at      timestamptz NOT NULL,
    trees           bytea NOT NULL,
    feature_space   jsonb NOT NULL,
    calibration     jsonb NOT NULL,
    holdout_auc     double precision,
    metrics         jsonb NOT NULL
);

-- A lead's latest score with its reasons, the one before it (the trend) and the last one published
-- (leadflow.lead.scored.v1 goes out only when the grade or the score moved materially since).
CREATE TABLE lead_score (
    lead_id            uuid PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
    score              smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
    grade              char(1) NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    probability        double precision NOT NULL,
    method             varchar(10) NOT NULL CHECK (method IN ('MODEL', 'RULES')),
    model_version      integer,
    factors            jsonb NOT NULL,
    scored_at          timestamptz NOT NULL,
    previous_score     smallint,
    previous_grade     char(1),
    previous_scored_at timestamptz,
    published_score    smallint,
    published_grade    char(1)
);
