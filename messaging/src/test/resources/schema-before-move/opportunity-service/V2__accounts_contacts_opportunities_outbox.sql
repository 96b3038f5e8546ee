-- Accounts, contacts and opportunities (docs/architecture.md, sections "Services" and "Conversion"), created from qualified leads.

-- An organisation. normalized_name, website_domain and email_domain are the keys existing accounts
-- are matched by (domain/MatchProbe.java), so that a conversion reuses an account instead of
-- duplicating it.
CREATE TABLE account (
    id                      uuid PRIMARY KEY,
    name                    varchar(200) NOT NULL,
    normalized_name         varchar(200) NOT NULL,
    website                 varchar(500),
    website_domain          varchar(253),
    industry                varchar(100),
    number_of_employees     integer,
    annual_revenue_amount   numeric(19, 2),
    annual_revenue_currency char(3),
    country                 char(2),
    city                    varchar(100),
    phone                   varchar(20),
    email_domain            varchar(253),
    owner_id                varchar(100),
    originating_lead_id     uuid,
    created_at              timestamptz NOT NULL,
    version                 bigint NOT NULL
);

CREATE INDEX account_normalized_name_idx ON account (normalized_name);
CREATE INDEX account_website_domain_idx ON account (website_domain) WHERE website_domain IS NOT NULL;
CREATE INDEX account_email_domain_idx ON account (email_domain) WHERE email_domain IS NOT NULL;
CREATE INDEX account_created_at_idx ON account (created_at DESC, id);
CREATE INDEX account_owner_idx ON account (owner_id);

-- A person. email is stored lower-case and phone as E.164: both are match keys.
CREATE TABLE contact (
    id                  uuid PRIMARY KEY,
    first_name          varchar(100),
    last_name           varchar(100),
    email               varchar(254),
    phone               varchar(20),
    job_title           varchar(100),
    account_id          uuid REFERENCES account (id),
    owner_id            varchar(100),
    originating_lead_id uuid,
    created_at          timestamptz NOT NULL,
    version             bigint NOT NULL
);

CREATE INDEX contact_email_idx ON contact (email) WHERE email IS NOT NULL;
CREATE INDEX contact_phone_idx ON contact (phone) WHERE phone IS NOT NULL;
CREATE INDEX contact_account_idx ON contact (account_id);
CREATE INDEX contact_created_at_idx ON contact (created_at DESC, id);
CREATE INDEX contact_owner_idx ON contact (owner_id);

-- A potential sale. One per originating lead: the business uniqueness that backs up the inbox.
-- State and status reason as in Dynamics 365: Open (In Progress 1, On Hold 2), Won (Won 3),
-- Lost (Canceled 4, Out-Sold 5).
CREATE TABLE opportunity (
    id                       uuid PRIMARY KEY,
    originating_lead_id      uuid NOT NULL,
    conversion_id            uuid NOT NULL,
    name                     varchar(300) NOT NULL,
    owner_id                 varchar(100),
    account_id               uuid REFERENCES account (id),
    contact_id               uuid REFERENCES contact (id),
    estimated_value_amount   numeric(19, 2),
    estimated_value_currency char(3),
    estimated_close_date     date,
    state                    varchar(20) NOT NULL,
    status_reason            varchar(30) NOT NULL,
    created_at               timestamptz NOT NULL,
    version                  bigint NOT NULL,
    CONSTRAINT opportunity_one_per_lead UNIQUE (originating_lead_id),
    CONSTRAINT opportunity_value_has_currency
        CHECK ((estimated_value_amount IS NULL) = (estimated_value_currency IS NULL))
);

CREATE INDEX opportunity_created_at_idx ON opportunity (created_at DESC, id);
CREATE INDEX opportunity_owner_idx ON opportunity (owner_id);
CREATE INDEX opportunity_account_idx ON opportunity (account_id);
CREATE INDEX opportunity_state_idx ON opportunity (state, status_reason);
CREATE INDEX opportunity_close_date_idx ON opportunity (estimated_close_date);

-- A product line: amount = quantity × unit price, in the unit price's currency.
CREATE TABLE opportunity_line (
    id                  uuid PRIMARY KEY,
    opportunity_id      uuid NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    line_number         integer NOT NULL,
    product_name        varchar(200) NOT NULL,
    quantity            numeric(19, 4) NOT NULL,
    unit_price_amount   numeric(19, 2) NOT NULL,
    unit_price_currency char(3) NOT NULL,
    amount              numeric(19, 2) NOT NULL,
    currency            char(3) NOT NULL,
    CONSTRAINT opportunity_line_position UNIQUE (opportunity_id, line_number)
);

-- Outbox (docs/architecture.md, section "Reliable messaging"), as the outbox module expects it: written in the same transaction
-- as the change it describes, published to opportunity-events by the relay in position order.
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
