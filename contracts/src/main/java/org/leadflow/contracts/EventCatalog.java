package org.leadflow.contracts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.leadflow.contracts.lead.LeadActivityLogged;
import org.leadflow.contracts.lead.LeadCreated;
import org.leadflow.contracts.lead.LeadDisqualified;
import org.leadflow.contracts.lead.LeadEnriched;
import org.leadflow.contracts.lead.LeadScored;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.contracts.lead.LeadMerged;
import org.leadflow.contracts.lead.LeadReactivated;
import org.leadflow.contracts.lead.LeadUpdated;
import org.leadflow.contracts.lead.QualificationPolicyChanged;
import org.leadflow.contracts.opportunity.ConversionFailed;
import org.leadflow.contracts.opportunity.OpportunityCreated;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.contracts.opportunity.OpportunityLost;
import org.leadflow.contracts.opportunity.OpportunityReopened;
import org.leadflow.contracts.opportunity.OpportunityStageChanged;
import org.leadflow.contracts.opportunity.OpportunityWon;

/**
 * Every published event type with the record of its data. Each has a JSON Schema (draft 2020-12) at
 * {@code events/schemas/<type>.schema.json} and an example at {@code events/examples/<type>.json},
 * in this module's {@code events/} folder and on the classpath.
 */
public final class EventCatalog {

  public static final Map<String, Class<? extends Record>> DATA_TYPES = catalog();

  private EventCatalog() {}

  public static String schemaResource(String type) {
    return "/events/schemas/" + type + ".schema.json";
  }

  public static String exampleResource(String type) {
    return "/events/examples/" + type + ".json";
  }

  private static Map<String, Class<? extends Record>> catalog() {
    Map<String, Class<? extends Record>> types = new LinkedHashMap<>();
    types.put(LeadEventTypes.CREATED, LeadCreated.class);
    types.put(LeadEventTypes.UPDATED, LeadUpdated.class);
    types.put(LeadEventTypes.ACTIVITY_LOGGED, LeadActivityLogged.class);
    types.put(LeadEventTypes.DISQUALIFIED, LeadDisqualified.class);
    types.put(LeadEventTypes.REACTIVATED, LeadReactivated.class);
    types.put(LeadEventTypes.MERGED, LeadMerged.class);
    types.put(LeadEventTypes.QUALIFIED, LeadQualified.class);
    types.put(LeadEventTypes.QUALIFICATION_POLICY_CHANGED, QualificationPolicyChanged.class);
    types.put(LeadEventTypes.ENRICHED, LeadEnriched.class);
    types.put(LeadEventTypes.SCORED, LeadScored.class);
    types.put(OpportunityEventTypes.CREATED, OpportunityCreated.class);
    types.put(OpportunityEventTypes.CONVERSION_FAILED, ConversionFailed.class);
    types.put(OpportunityEventTypes.STAGE_CHANGED, OpportunityStageChanged.class);
    types.put(OpportunityEventTypes.WON, OpportunityWon.class);
    types.put(OpportunityEventTypes.LOST, OpportunityLost.class);
    types.put(OpportunityEventTypes.REOPENED, OpportunityReopened.class);
    return Map.copyOf(types);
  }
}
