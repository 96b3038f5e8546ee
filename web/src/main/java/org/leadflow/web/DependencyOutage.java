package org.leadflow.web;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import io.smallrye.mutiny.CompositeException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a request failed because PostgreSQL or Kafka is unavailable (a passing outage the client
 * should retry: 503 with {@code Retry-After}) rather than because of a bug (500). Looks through the
 * whole cause chain, since Hibernate Reactive, Mutiny and RESTEasy wrap what the drivers throw.
 */
public final class DependencyOutage {

  /**
   * PostgreSQL's SQLSTATEs of a server that cannot serve now: class 08 (connection exceptions),
   * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting or recovering),
   * 53300 too many connections.
   */
  private static final Set<String> UNAVAILABLE_SQL_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  /**
   * Kafka's base class of errors that go away by themselves (a timeout, a lost connection, a leader
   * moving), named rather than imported: the module does not depend on the Kafka client.
   */
  private static final String KAFKA_RETRIABLE = "org.apache.kafka.common.errors.RetriableException";

  private DependencyOutage() {}

  public static boolean causedBy(Throwable failure) {
    return causedBy(failure, new IdentityHashMap<>());
  }

  /** Follows causes, suppressed failures and the parts of a Mutiny {@link CompositeException}. */
  private static boolean causedBy(Throwable failure, Map<Throwable, Boolean> seen) {
    if (failure == null || seen.put(failure, Boolean.TRUE) != null) {
      return false;
    }
    if (isOutage(failure) || causedBy(failure.getCause(), seen)) {
      return true;
    }
    List<Throwable> others = new ArrayList<>(List.of(failure.getSuppressed()));
    if (failure instanceof CompositeException composite) {
      others.addAll(composite.getCauses());
    }
    return others.stream().anyMatch(other -> causedBy(other, seen));
  }

  private static boolean isOutage(Throwable failure) {
    if (failure instanceof SocketException // refused, reset, no route; netty's connect timeout
        || failure instanceof ClosedChannelException
        || failure instanceof ClosedConnectionException // the server went away mid-request
        || failure instanceof ConnectionPoolTooBusyException
        || failure instanceof TimeoutException) { // Vert.x: no pooled connection in time
      return true;
    }
    if (failure instanceof DatabaseException database && database.getSqlState() != null) {
      String state = database.getSqlState();
      return state.startsWith("08") || UNAVAILABLE_SQL_STATES.contains(state);
    }
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals(KAFKA_RETRIABLE)) {
        return true;
      }
    }
    return false;
  }
}
