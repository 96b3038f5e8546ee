-- The tables a service gives module messaging (inbox, outbox), and those of the test consumer of
-- DeadLetterRedriveTest: greetings, which it can only send to a customer it knows.
CREATE TABLE processed_event (
    event_id      uuid PRIMARY KEY,
    type          varchar(100) NOT NULL,
    source        varchar(200) NOT NULL,
    subject       varchar(100),
    outcome       varchar(20) NOT NULL,
    processed_at  timestamptz NOT NULL
);

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

CREATE TABLE customer (
    id uuid PRIMARY KEY
);

CREATE TABLE greeting (
    customer_id uuid NOT NULL REFERENCES customer (id),
    event_id    uuid NOT NULL
);
