-- The product catalogue, the audit history of accounts and contacts, and Idempotency-Key answers
-- (opportunity-service README: "Product catalogue", "Accounts and contacts by hand").

-- A product an admin maintains. Never deleted (lines may name it): deactivated.
CREATE TABLE product (
    id          uuid PRIMARY KEY,
    code        varchar(50) NOT NULL,
    name        varchar(200) NOT NULL,
    description varchar(2000),
    active      boolean NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint NOT NULL
);

-- Codes are unique whatever their case: "SKU-1" and "sku-1" name one product.
CREATE UNIQUE INDEX product_code_key ON product (lower(code));
CREATE INDEX product_name_idx ON product (lower(name));

-- Its price per unit, at most one per currency, exact to the currency's decimals (ISO 4217 has at
-- most four; the service refuses more than the currency has).
CREATE TABLE product_price (
    product_id uuid NOT NULL REFERENCES product (id),
    currency   char(3) NOT NULL,
    amount     numeric(19, 4) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (product_id, currency)
);

-- Who changed what of an account or a contact, and when: one entry per change, with every field's
-- old and new value (changes: [{field, oldValue, newValue}]).
CREATE TABLE record_history (
    id          uuid PRIMARY KEY,
    record_type varchar(20) NOT NULL,
    record_id   uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor_id    varchar(100) NOT NULL,
    actor_name  varchar(200),
    action      varchar(30) NOT NULL,
    changes     jsonb NOT NULL,
    -- Order of entries written in one transaction, which share their time.
    seq         bigint GENERATED ALWAYS AS IDENTITY
);

CREATE INDEX record_history_record_idx ON record_history (record_type, record_id, occurred_at DESC, seq DESC);

-- Idempotency-Key: the first answer to a caller's key, replayed for its repeats (as lead-service's).
CREATE TABLE IF NOT EXISTS idempotency_key (
    caller_id        varchar(100) NOT NULL,
    operation        varchar(100) NOT NULL,
    key              varchar(200) NOT NULL,
    request_hash     varchar(64) NOT NULL,
    response_status  integer,
    response_body    text,
    response_headers jsonb,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (caller_id, operation, key)
);

CREATE INDEX IF NOT EXISTS idempotency_key_created_at_idx ON idempotency_key (created_at);

-- Accounts and contacts created or edited by hand are matched as conversions match them: one that
-- matches only records its creator may not see is recorded as a possible duplicate too, without a
-- lead or a conversion.
ALTER TABLE possible_duplicate ALTER COLUMN originating_lead_id DROP NOT NULL;
ALTER TABLE possible_duplicate ALTER COLUMN conversion_id DROP NOT NULL;
