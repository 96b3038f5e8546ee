package org.leadflow.lead.persistence;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.Set;
import org.hibernate.JDBCException;

/**
 * Transactions PostgreSQL aborted because of another one, not because of anything they did wrong: a
 * deadlock ({@code 40P01}) or a serialization failure ({@code 40001}). PostgreSQL's documentation asks
 * applications to run such a transaction again; a new attempt normally passes.
 */
public final class TransientConflicts {

  private static final Set<String> STATES = Set.of("40P01", "40001");

  private TransientConflicts() {}

  /** Whether {@code failure}, or any of its causes, is such an abort. */
  public static boolean abortedByDatabase(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      String state =
          cause instanceof PgException pg ? pg.getSqlState()
              : cause instanceof JDBCException jdbc ? jdbc.getSQLState()
              : cause instanceof SQLException sql ? sql.getSQLState()
              : null;
      if (state != null && STATES.contains(state)) {
        return true;
      }
    }
    return false;
  }
}
