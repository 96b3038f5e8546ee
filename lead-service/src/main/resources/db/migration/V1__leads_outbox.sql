-- Leads, as docs/architecture.md, section "The lead", describes them.
CREATE TABLE lead (
    id                    uuid PRIMARY KEY,
    first_name            varchar(100),
    last_name             varchar(100),
    company_name          varchar(200),
    job_title             varchar(100),
    email                 varchar(254),
    phone                 varchar(20),
    website               varchar(500),
    source                varchar(40),
    industry              varchar(100),
    number_of_employees   integer,
    annual_revenue_amount numeric(19, 2),
    annual_revenue_currency char(3),
    country               char(2),
    city                  varchar(100),
    owner_id              varchar(100),
    description           varchar(4000),
    attributes            jsonb NOT NULL DEFAULT '{}'::jsonb,
    state                 varchar(20) NOT NULL,
    status_reason         varchar(30) NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               bigint NOT NULL,
    CONSTRAINT lead_has_name_or_company CHECK (last_name IS NOT NULL OR company_name IS NOT NULL)
);

CREATE INDEX lead_created_at_idx ON lead (created_at DESC, id);
CREATE INDEX lead_state_idx ON lead (state, status_reason);
CREATE INDEX lead_owner_idx ON lead (owner_id);
