-- Assignment rules (docs/architecture.md, section Assignment): an admin's ordered list; the first rule
-- whose conditions a new lead meets names its owner among the rule's team, taking turns (round robin,
-- next_turn counts the turns taken) or giving it to the one with the fewest Open leads (least loaded).
CREATE TABLE assignment_rule (
    id               uuid PRIMARY KEY,
    position         integer      NOT NULL UNIQUE,
    name             varchar(100) NOT NULL,
    conditions       jsonb        NOT NULL,
    distribution     varchar(16)  NOT NULL CHECK (distribution IN ('ROUND_ROBIN', 'LEAST_LOADED')),
    team             jsonb        NOT NULL,
    next_turn        bigint       NOT NULL DEFAULT 0,
    changed_by       varchar(255) NOT NULL,
    changed_by_name  varchar(255),
    changed_at       timestamptz  NOT NULL
);
