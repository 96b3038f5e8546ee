-- The outbox relay (module messaging) now looks for unpublished events every 10 ms instead of being
-- woken by NOTIFY. PostgreSQL takes a global lock for the commit of a transaction that notified and
-- holds it through the WAL flush, so all transactions that wrote an outbox row committed one after
-- the other: about 850 commits/s on the benchmark machine, where the same transactions without the
-- trigger make 3,600/s (docs/benchmarks.md).
DROP TRIGGER outbox_event_notify ON outbox_event;
DROP FUNCTION notify_outbox();
