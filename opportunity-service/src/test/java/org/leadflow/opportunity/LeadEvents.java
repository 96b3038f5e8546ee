package org.leadflow.opportunity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.FieldChange;
import org.leadflow.contracts.lead.LeadCreated;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.contracts.lead.LeadUpdated;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicWriter;

/** Publishes to lead-events on the real broker, as lead-service's relay does (CloudEvents binary mode). */
public final class LeadEvents implements AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final TopicWriter topic = TopicWriter.to(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS);

  /** Publishes the lead's LeadQualified under a new event id; answers that id. */
  public UUID qualified(QualifiedLead lead) {
    UUID eventId = UUID.randomUUID();
    qualified(eventId, lead.event());
    return eventId;
  }

  /** Publishes a LeadQualified under the given event id (a repeat when the id was used before). */
  public void qualified(UUID eventId, LeadQualified data) {
    send(eventId, LeadEventTypes.QUALIFIED, data.leadId().toString(), json(data));
  }

  /**
   * Publishes the lead's LeadQualified under a new event id, keyed by {@code key} instead of its lead
   * id: on that key's partition, it is consumed after everything published with the key before it,
   * and its conversion marks those as consumed. Answers the event id.
   */
  public UUID qualifiedAfter(String key, QualifiedLead lead) {
    UUID eventId = UUID.randomUUID();
    send(eventId, LeadEventTypes.QUALIFIED, key, json(lead.event()));
    return eventId;
  }

  /** Publishes a LeadCreated of the lead, owned by {@code ownerId}, under the given event id. */
  public void created(UUID eventId, UUID leadId, String ownerId, Instant createdAt) {
    LeadCreated data =
        new LeadCreated(leadId, "Ada", "Lovelace", "Engines Ltd", null, null, null, "Trade Show", "GB", ownerId, "Open", "New", 1, createdAt, "importer");
    send(eventId, LeadEventTypes.CREATED, leadId.toString(), json(data));
  }

  /** Publishes a LeadUpdated that gives the lead to {@code newOwnerId}. */
  public void reassigned(UUID leadId, String oldOwnerId, String newOwnerId, Instant at) {
    LeadUpdated data =
        new LeadUpdated(leadId, List.of(new FieldChange("ownerId", oldOwnerId, newOwnerId)), "Open", "New", 1, at, "manager");
    send(UUID.randomUUID(), LeadEventTypes.UPDATED, leadId.toString(), json(data));
  }

  /** Publishes any CloudEvent to lead-events, keyed by {@code leadId}. */
  public void send(UUID eventId, String type, String leadId, String data) {
    topic.cloudEvent(eventId, type, LeadEventTypes.SOURCE, leadId, data);
  }

  /** Publishes a record with exactly these headers, a CloudEvent or not. */
  public void send(String key, String value, Map<String, String> headers) {
    topic.send(key, value, headers);
  }

  private static String json(Object data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    topic.close();
  }
}
