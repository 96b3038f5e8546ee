-- Merging a duplicate lead into a master (issue 16): one row per merge. The duplicate becomes
-- Disqualified/Merged (status reason code 8, final); its activities move to the master, its history is
-- copied into the master's (each copy's details name it as mergedFrom). A lead is merged away once.
CREATE TABLE lead_merge (
    id                      uuid PRIMARY KEY,
    master_id               uuid NOT NULL REFERENCES lead (id),
    duplicate_id            uuid NOT NULL UNIQUE REFERENCES lead (id),
    merged_at               timestamptz NOT NULL,
    merged_by               varchar(100) NOT NULL,
    choices                 jsonb NOT NULL,
    activities_moved        integer NOT NULL,
    history_entries_copied  integer NOT NULL
);

CREATE INDEX lead_merge_master_idx ON lead_merge (master_id);
