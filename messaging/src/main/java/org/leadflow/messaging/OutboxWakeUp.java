package org.leadflow.messaging;

import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Wakes the outbox relay after a REST request that appended events: a response filter runs once the
 * resource's work, and so its transaction, has ended. The event is then on its way to Kafka at once,
 * not at the relay's next look ({@code leadflow.outbox.poll-interval}).
 */
public class OutboxWakeUp {

  @Inject OutboxRelay relay;

  @ServerResponseFilter
  public void wakeRelay() {
    relay.wakeIfAppended(Vertx.currentContext());
  }
}
