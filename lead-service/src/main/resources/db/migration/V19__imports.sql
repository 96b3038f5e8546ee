-- Bulk import (docs/imports.md): a job per uploaded file, run in chunks by the service, with a report
-- row per row of the file; and the historical outcome a row brought (for scoring, issue 17).

CREATE TABLE lead_import (
    id               uuid PRIMARY KEY,
    -- Who imported: the caller's id, display name and roles (the job runs after the request, as them).
    owner_id         varchar(100) NOT NULL,
    owner_name       varchar(255),
    owner_roles      varchar(255) NOT NULL,
    file_name        varchar(255),
    file_sha256      char(64) NOT NULL,
    file_path        varchar(1000) NOT NULL,
    format           varchar(10) NOT NULL CHECK (format IN ('CSV', 'NDJSON')),
    mapping          text NOT NULL,
    options          text NOT NULL,
    status           varchar(10) NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    total_rows       integer NOT NULL,
    processed_rows   integer NOT NULL DEFAULT 0,
    created_leads    integer NOT NULL DEFAULT 0,
    duplicate_rows   integer NOT NULL DEFAULT 0,
    warned_rows      integer NOT NULL DEFAULT 0,
    invalid_rows     integer NOT NULL DEFAULT 0,
    failure          varchar(1000),
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- The instance running the job holds it until then, and extends it with every chunk; a job whose
    -- claim ran out (its instance stopped) is taken up again where its last chunk ended.
    claimed_until    timestamptz
);

-- The same file is refused unless asked (allowReimport): found by its hash among the caller's imports.
CREATE INDEX lead_import_sha256_idx ON lead_import (file_sha256);
CREATE INDEX lead_import_owner_created_idx ON lead_import (owner_id, created_at DESC);
CREATE INDEX lead_import_runnable_idx ON lead_import (created_at) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE lead_import_row (
    import_id   uuid NOT NULL REFERENCES lead_import (id) ON DELETE CASCADE,
    row_number  integer NOT NULL,
    outcome     varchar(12) NOT NULL CHECK (outcome IN ('CREATED', 'WARNED', 'DUPLICATE', 'INVALID')),
    lead_id     uuid,
    reasons     text,
    candidates  text,
    PRIMARY KEY (import_id, row_number)
);

-- A lead's outcome before LeadFlow, as an import brought it: the lead is in the matching state
-- (qualified, won, lost: Qualified without a conversion; disqualified: Disqualified with the reason).
CREATE TABLE lead_historical_outcome (
    lead_id        uuid PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
    import_id      uuid NOT NULL REFERENCES lead_import (id),
    outcome        varchar(12) NOT NULL CHECK (outcome IN ('QUALIFIED', 'DISQUALIFIED', 'WON', 'LOST')),
    status_reason  varchar(30),
    reason         varchar(1000),
    occurred_on    date NOT NULL
);
CREATE INDEX lead_historical_outcome_import_idx ON lead_historical_outcome (import_id, outcome);

-- The similar-name rule's trigram index answers a check for every lead created, and an import checks
-- 500 at a time while inserting thousands: with GIN's fast update every search also scans the pending
-- list of entries not yet merged, which grows with every insert (measured: 3.5 ms per probe at 4,000
-- new leads, 0.3 ms once merged). Entries go into the index as they are inserted instead.
ALTER INDEX lead_person_name_trgm_idx SET (fastupdate = off);
