-- Flyway callback, run before every validation (so before every migrate). Some applied versions
-- were edited after databases ran them, without changing the schema they make: their outbox and
-- inbox SQL moved to module messaging's location (db/messaging, R__outbox.sql and R__inbox.sql),
-- and their comments cite docs/architecture.md instead of a document outside the repository. A
-- database that applied one of them recorded the checksum of its old text; this records the
-- checksum of today's text instead, for exactly these scripts and only when the recorded checksum
-- is the old one, so that any other change to an applied migration still fails validation
-- (messaging/README.md, "Schema"; MigrationFromBeforeTheMoveTest).
DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        UPDATE flyway_schema_history
           SET checksum = edited.new_checksum
          FROM (VALUES
                   ('V1__inbox.sql', -1117657038, 1851258778),
                   ('V2__accounts_contacts_opportunities_outbox.sql', -697654834, 30230338),
                   ('V3__outbox_relay_polls_instead_of_notify.sql', -1085016152, 1993853852)
               ) AS edited (script, old_checksum, new_checksum)
         WHERE flyway_schema_history.script = edited.script
           AND flyway_schema_history.checksum = edited.old_checksum;
    END IF;
END
$$;
