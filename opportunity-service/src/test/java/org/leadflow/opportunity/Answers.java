package org.leadflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.ConversionFailed;
import org.leadflow.contracts.opportunity.OpportunityCreated;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;

/** The answers opportunity-service publishes on opportunity-events from now on, read from the real broker. */
public final class Answers implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private final TopicReader events =
      TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.OPPORTUNITY_EVENTS);

  /** Waits for {@code count} answers keyed by {@code key}, each checked against its schema in contracts. */
  public List<TopicReader.Event> await(UUID key, int count) {
    List<TopicReader.Event> found = events.await(e -> key.toString().equals(e.key()), count, PATIENCE);
    found.forEach(EventContract::assertValid);
    return found;
  }

  /** The answers about the lead's intended opportunity. */
  public List<TopicReader.Event> about(QualifiedLead lead, int count) {
    return await(lead.opportunityId, count);
  }

  /** The lead's conversion-failed answer. */
  public ConversionFailed failure(QualifiedLead lead) {
    TopicReader.Event event = about(lead, 1).get(0);
    assertThat(event.header(CloudEventHeaders.TYPE)).isEqualTo(OpportunityEventTypes.CONVERSION_FAILED);
    assertThat(event.header(CloudEventHeaders.SUBJECT)).isEqualTo(lead.opportunityId.toString());
    return read(event, ConversionFailed.class);
  }

  /** The lead's opportunity.created answer. */
  public OpportunityCreated created(QualifiedLead lead) {
    TopicReader.Event event = about(lead, 1).get(0);
    assertThat(event.header(CloudEventHeaders.TYPE)).isEqualTo(OpportunityEventTypes.CREATED);
    return read(event, OpportunityCreated.class);
  }

  public static <T> T read(TopicReader.Event event, Class<T> type) {
    try {
      return JSON.readValue(event.value(), type);
    } catch (IOException e) {
      throw new AssertionError(event.value(), e);
    }
  }

  /** Everything read so far. */
  public List<TopicReader.Event> seen() {
    return events.seen();
  }

  @Override
  public void close() {
    events.close();
  }
}
