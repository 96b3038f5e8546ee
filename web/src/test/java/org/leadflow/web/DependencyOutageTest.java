package org.leadflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import io.smallrye.mutiny.CompositeException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

class DependencyOutageTest {

  @Test
  void aRefusedConnectionWrappedByHibernateAndMutinyIsAnOutage() {
    Throwable refused = new ConnectException("Connection refused: localhost/127.0.0.1:5432");
    assertThat(DependencyOutage.causedBy(new CompletionException(new HibernateException("could not connect", refused)))).isTrue();
  }

  @Test
  void aConnectionTheServerClosedMidRequestIsAnOutage() {
    assertThat(DependencyOutage.causedBy(new HibernateException(ClosedConnectionException.INSTANCE))).isTrue();
  }

  @Test
  void aConnectionResetAmongTheFailuresMutinyCollectedIsAnOutage() {
    // As lead-service logged it while PostgreSQL was killed under load.
    Throwable reset = new SocketException("Connection reset");
    CompositeException collected =
        new CompositeException(new IllegalStateException("Session/EntityManager is closed"), new HibernateException(reset), reset);
    assertThat(DependencyOutage.causedBy(collected)).isTrue();
    assertThat(DependencyOutage.causedBy(new RuntimeException("rolled back", collected))).isTrue();
  }

  @Test
  void noPooledConnectionInTimeIsAnOutage() {
    assertThat(DependencyOutage.causedBy(new CompletionException(new NoStackTraceTimeoutException("Timeout")))).isTrue();
  }

  @Test
  void aDatabaseStartingUpOrShuttingDownIsAnOutageButAConstraintViolationIsNot() {
    assertThat(DependencyOutage.causedBy(sqlState("57P03"))).as("starting up").isTrue();
    assertThat(DependencyOutage.causedBy(sqlState("57P01"))).as("admin shutdown").isTrue();
    assertThat(DependencyOutage.causedBy(sqlState("08006"))).as("connection failure").isTrue();
    assertThat(DependencyOutage.causedBy(sqlState("23505"))).as("unique violation").isFalse();
  }

  @Test
  void aKafkaRetriableErrorIsAnOutageByItsClassName() {
    assertThat(DependencyOutage.causedBy(new CompletionException(new org.apache.kafka.common.errors.RetriableException("Expiring 1 record(s)") {})))
        .isTrue();
  }

  @Test
  void aBugIsNotAnOutage() {
    assertThat(DependencyOutage.causedBy(new IllegalStateException("no", new NullPointerException()))).isFalse();
  }

  @Test
  void aCauseChainWithACycleEnds() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalArgumentException second = new IllegalArgumentException("second", first);
    first.initCause(second);
    assertThat(DependencyOutage.causedBy(first)).isFalse();
  }

  private static DatabaseException sqlState(String state) {
    return new DatabaseException("server says " + state, 0, state, null) {};
  }
}
