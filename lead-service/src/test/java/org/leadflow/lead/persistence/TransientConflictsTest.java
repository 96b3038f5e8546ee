package org.leadflow.lead.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientConflictsTest {

  @Test
  void aDeadlockOrASerializationFailureIsAnAbortANewAttemptMayPass() {
    assertThat(TransientConflicts.abortedByDatabase(new PgException("deadlock detected", "ERROR", "40P01", null))).isTrue();
    assertThat(TransientConflicts.abortedByDatabase(
            new PessimisticLockException("error executing SQL statement", new SQLException("ERROR: deadlock detected (40P01)", "40P01"))))
        .isTrue();
    assertThat(TransientConflicts.abortedByDatabase(new IllegalStateException(new PgException("could not serialize access", "ERROR", "40001", null))))
        .isTrue();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(TransientConflicts.abortedByDatabase(new PgException("duplicate key value", "ERROR", "23505", null))).isFalse();
    assertThat(TransientConflicts.abortedByDatabase(new SQLException("value too long", "22001"))).isFalse();
    assertThat(TransientConflicts.abortedByDatabase(new IllegalArgumentException("no SQL state"))).isFalse();
  }
}
