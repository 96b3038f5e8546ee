-- Who asked for the lead's current conversion: a re-published LeadQualified names them again
-- (qualifiedBy), as the first one did. Conversions asked for before this column existed take it
-- from the history entry that recorded the request.
ALTER TABLE lead ADD COLUMN conversion_requested_by varchar(100);

UPDATE lead
   SET conversion_requested_by = (
       SELECT h.actor_id
         FROM lead_history h
        WHERE h.lead_id = lead.id
          AND h.action = 'conversion-requested'
          AND h.details ->> 'conversionId' = lead.conversion_id::text
        ORDER BY h.occurred_at DESC, h.seq DESC
        LIMIT 1)
 WHERE conversion_id IS NOT NULL;

-- Conversions still waiting for opportunity-service's answer, oldest first: the stuck-conversions
-- gauge and the list filter conversionStuck=true read only these rows (a handful), not every lead.
CREATE INDEX lead_pending_conversion_idx ON lead (conversion_requested_at) WHERE conversion_status = 'PENDING';
