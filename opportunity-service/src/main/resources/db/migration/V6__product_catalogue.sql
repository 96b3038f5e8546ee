-- The product catalogue, and possible duplicates of records made by hand (opportunity-service
-- README: "Product catalogue", "Accounts and contacts by hand").

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

-- The history of accounts and contacts is kept in record_history, Idempotency-Key answers in
-- idempotency_key: both come from V5.

-- Accounts and contacts created or edited by hand are matched as conversions match them: one that
-- matches only records its creator may not see is recorded as a possible duplicate too, without a
-- lead or a conversion.
ALTER TABLE possible_duplicate ALTER COLUMN originating_lead_id DROP NOT NULL;
ALTER TABLE possible_duplicate ALTER COLUMN conversion_id DROP NOT NULL;
