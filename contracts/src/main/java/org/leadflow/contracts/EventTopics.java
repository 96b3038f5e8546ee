package org.leadflow.contracts;

import java.util.List;

/** The Kafka topics LeadFlow's services publish to and consume from. */
public final class EventTopics {

  /** Every lead lifecycle event, keyed by lead id; published by lead-service. */
  public static final String LEAD_EVENTS = "lead-events";

  /** Every opportunity event, keyed by opportunity id; published by opportunity-service. */
  public static final String OPPORTUNITY_EVENTS = "opportunity-events";

  /** Lead events that opportunity-service can never process, with the reason in headers. */
  public static final String LEAD_EVENTS_DEAD_LETTER = "lead-events.dead-letter";

  /** Opportunity events that lead-service can never process, with the reason in headers. */
  public static final String OPPORTUNITY_EVENTS_DEAD_LETTER = "opportunity-events.dead-letter";

  public static final List<String> ALL =
      List.of(LEAD_EVENTS, OPPORTUNITY_EVENTS, LEAD_EVENTS_DEAD_LETTER, OPPORTUNITY_EVENTS_DEAD_LETTER);

  private EventTopics() {}
}
