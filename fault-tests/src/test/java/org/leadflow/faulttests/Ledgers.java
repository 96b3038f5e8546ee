package org.leadflow.faulttests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.run.LeadflowService;

/** What the two services' databases hold, read directly: the suite's evidence. */
final class Ledgers {

  private final Infrastructure infrastructure;

  Ledgers(Infrastructure infrastructure) {
    this.infrastructure = infrastructure;
  }

  Connection connect(LeadflowService service) throws SQLException {
    return DriverManager.getConnection(
        infrastructure.jdbcUrl(service.database()), infrastructure.postgresUsername(), infrastructure.postgresPassword());
  }

  long count(LeadflowService service, String sql) {
    try (Connection connection = connect(service);
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      return -1; // the database is down: nothing known
    }
  }

  long unpublished(LeadflowService service) {
    return count(service, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
  }

  long deadLetters(LeadflowService service) {
    return count(service, "SELECT count(*) FROM dead_letter");
  }

  long opportunities() {
    return count(LeadflowService.OPPORTUNITY_SERVICE, "SELECT count(*) FROM opportunity");
  }

  /** Each lead's conversion: its status and the opportunity it names. */
  Map<UUID, String[]> conversions() throws SQLException {
    Map<UUID, String[]> conversions = new HashMap<>();
    try (Connection connection = connect(LeadflowService.LEAD_SERVICE);
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT id, conversion_status, conversion_opportunity_id FROM lead WHERE conversion_status IS NOT NULL");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        conversions.put(rows.getObject(1, UUID.class), new String[] {rows.getString(2), rows.getString(3)});
      }
    }
    return conversions;
  }

  /** Each originating lead with the ids of its opportunities (comma-separated) and how many. */
  Map<UUID, String[]> opportunitiesByLead() throws SQLException {
    Map<UUID, String[]> byLead = new HashMap<>();
    try (Connection connection = connect(LeadflowService.OPPORTUNITY_SERVICE);
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT originating_lead_id, string_agg(id::text, ','), count(*) FROM opportunity GROUP BY originating_lead_id");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        byLead.put(rows.getObject(1, UUID.class), new String[] {rows.getString(2), rows.getString(3)});
      }
    }
    return byLead;
  }
}
