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

-- Outbox (docs/architecture.md, section "Reliable messaging"): written in the same transaction as the change it describes,
-- published to Kafka by the relay in position order.
CREATE TABLE outbox_event (
    position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             uuid NOT NULL UNIQUE,
    aggregate_type varchar(50) NOT NULL,
    aggregate_id   uuid NOT NULL,
    type           varchar(100) NOT NULL,
    occurred_at    timestamptz NOT NULL,
    payload        jsonb NOT NULL,
    published_at   timestamptz
);

CREATE INDEX outbox_event_unpublished_idx ON outbox_event (position) WHERE published_at IS NULL;

-- Wakes the relay as soon as a transaction that wrote events commits; PostgreSQL delivers
-- notifications only on commit and folds duplicates of one transaction into one.
CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_event_notify
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
