-- The tables of the test consumer of DeadLetterRedriveTest: greetings, which it can only send to a
-- customer it knows. The inbox and outbox come from the module's own location (db/messaging).
CREATE TABLE customer (
    id uuid PRIMARY KEY
);

CREATE TABLE greeting (
    customer_id uuid NOT NULL REFERENCES customer (id),
    event_id    uuid NOT NULL
);
