-- Flyway callback, run before every validation (so before every migrate): the outbox and inbox
-- tables moved from this service's migrations to module messaging's location (db/messaging,
-- R__outbox.sql and R__inbox.sql), which took their SQL out of the versions below. A database that
-- applied a version before the move recorded the checksum of its old text; this records the new
-- one instead, for exactly those versions and only when the old checksum is the one recorded, so
-- that any other change to an applied migration still fails validation. The schema itself is the
-- same either way (messaging/README.md, "Schema"; MigrationFromBeforeTheMoveTest).
DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        UPDATE flyway_schema_history
           SET checksum = moved.new_checksum
          FROM (VALUES
                   ('V1__inbox.sql', -1117657038, 1851258778),
                   ('V2__accounts_contacts_opportunities_outbox.sql', -697654834, 519234586),
                   ('V3__outbox_relay_polls_instead_of_notify.sql', -1085016152, 1993853852)
               ) AS moved (script, old_checksum, new_checksum)
         WHERE flyway_schema_history.script = moved.script
           AND flyway_schema_history.checksum = moved.old_checksum;
    END IF;
END
$$;
