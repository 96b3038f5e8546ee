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
                   ('V1__leads_outbox.sql', -1074298086, 863054790),
                   ('V4__conversion_inbox.sql', 256380464, -1727916800),
                   ('V7__outbox_relay_polls_instead_of_notify.sql', -1085016152, 1993853852)
               ) AS moved (script, old_checksum, new_checksum)
         WHERE flyway_schema_history.script = moved.script
           AND flyway_schema_history.checksum = moved.old_checksum;
    END IF;
END
$$;
