package org.leadflow.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Counts what became of each consumed event in {@code leadflow.events.consumed{topic, type,
 * outcome}}: the {@link Inbox.Outcome} of an event the consumer acts on, or {@code ignored} for one
 * of a type it does not act on (acknowledged without a transaction or an inbox row).
 */
@ApplicationScoped
public class ConsumedEventCounter {

  private static final String IGNORED = "ignored";

  private final MeterRegistry registry;

  @Inject
  ConsumedEventCounter(MeterRegistry registry) {
    this.registry = registry;
  }

  public void ignored(String topic, IncomingEvent event) {
    increment(topic, event, IGNORED);
  }

  public void processed(String topic, IncomingEvent event, Inbox.Outcome outcome) {
    increment(topic, event, outcome.name().toLowerCase(Locale.ROOT));
  }

  private void increment(String topic, IncomingEvent event, String outcome) {
    registry.counter("leadflow.events.consumed", "topic", topic, "type", event.type(), "outcome", outcome).increment();
  }
}
