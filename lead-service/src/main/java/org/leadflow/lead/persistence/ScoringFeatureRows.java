package org.leadflow.lead.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leadflow.lead.domain.policy.FitVerdict;
import org.leadflow.lead.domain.scoring.LeadFeatures;
import org.leadflow.lead.domain.scoring.TrainingExample;

/**
 * What scoring reads of leads (docs/scoring.md, section Features), in one statement for one lead or
 * for every closed lead: the standard fields, the qualification data, readiness and fit, every custom
 * attribute (numbers, yes/no and texts, without code per attribute) and engagement (activities by
 * type and outcome, hours to first contact, days since the last activity). Read through the reactive
 * client, not the session: a training reads every closed lead at once.
 */
@ApplicationScoped
public class ScoringFeatureRows {

  private static final String SELECT =
      "SELECT l.id, l.state, l.status_reason, l.outcome_result, h.outcome AS historical, l.source, l.industry, l.country, l.city,"
          + " l.job_title, l.number_of_employees::float8 AS employees, l.annual_revenue_amount::float8 AS revenue,"
          + " l.email IS NOT NULL AS has_email, l.phone IS NOT NULL AS has_phone, l.website IS NOT NULL AS has_website,"
          + " l.budget_amount::float8 AS budget, l.budget_status, l.decision_maker, l.purchase_process, l.need, l.purchase_timeframe,"
          + " l.readiness_score::float8 AS readiness, l.readiness_fit, l.readiness_required_met, l.attributes,"
          + " a.counts, a.total::float8 AS activities,"
          + " extract(epoch FROM a.first_contact - l.created_at)::float8 / 3600 AS hours_to_first_contact,"
          + " extract(epoch FROM (CASE WHEN l.state = 'OPEN' THEN now() ELSE l.updated_at END) - a.last_activity)::float8 / 86400"
          + " AS days_since_last_activity,"
          + " extract(epoch FROM a.last_activity - l.created_at)::float8 / 86400 AS days_active"
          + " FROM lead l LEFT JOIN lead_historical_outcome h ON h.lead_id = l.id"
          + " LEFT JOIN LATERAL (SELECT jsonb_object_agg(t.k, t.n) AS counts, sum(t.n) AS total, min(t.first_at) AS first_contact,"
          + " max(t.last_at) AS last_activity FROM (SELECT type || '.' || coalesce(outcome, 'NONE') AS k, count(*) AS n,"
          + " min(occurred_at) FILTER (WHERE type IN ('PHONE_CALL', 'EMAIL', 'MEETING') AND direction IS DISTINCT FROM 'INBOUND')"
          + " AS first_at, max(occurred_at) AS last_at FROM lead_activity WHERE lead_id = l.id GROUP BY 1) t) a ON true";

  /** Closed leads with an outcome to learn from: qualified, disqualified (but not merged away). */
  private static final String CLOSED =
      " WHERE l.state = 'QUALIFIED' OR (l.state = 'DISQUALIFIED' AND l.status_reason <> 'MERGED')";

  @Inject Pool pool;

  /** A lead as scoring sees it, with what it needs besides its features. */
  public record ScoredLead(UUID id, String state, LeadFeatures features, Integer readiness, FitVerdict fit) {}

  public Uni<Optional<ScoredLead>> lead(UUID id, Set<String> excludedAttributes) {
    return pool.preparedQuery(SELECT + " WHERE l.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.<ScoredLead>empty();
          }
          Row row = rows.iterator().next();
          Double readiness = row.getDouble("readiness");
          String fit = row.getString("readiness_fit");
          return Optional.of(
              new ScoredLead(
                  id,
                  row.getString("state"),
                  features(row, excludedAttributes),
                  readiness == null ? null : readiness.intValue(),
                  fit == null ? null : FitVerdict.valueOf(fit)));
        });
  }

  /**
   * Every closed lead as an example: converted when qualified (and not lost, where the opportunity's
   * or the imported outcome is known), not converted when disqualified or lost.
   *
   * @param splitAttribute an attribute whose value decides the holdout instead of the lead's id (null: the id)
   */
  public Uni<List<TrainingExample>> closedLeads(Set<String> excludedAttributes, String splitAttribute) {
    return pool.query(SELECT + CLOSED)
        .execute()
        .map(rows -> {
          List<TrainingExample> examples = new ArrayList<>(rows.size());
          for (Row row : rows) {
            UUID id = row.getUUID("id");
            String key = id.toString();
            if (splitAttribute != null) {
              JsonObject attributes = row.getJsonObject("attributes");
              Object value = attributes == null ? null : attributes.getValue(splitAttribute);
              key = value == null ? key : value.toString();
            }
            examples.add(new TrainingExample(id, key, features(row, excludedAttributes), converted(row)));
          }
          return examples;
        });
  }

  private static boolean converted(Row row) {
    String historical = row.getString("historical");
    if (historical != null) {
      return historical.equals("WON") || historical.equals("QUALIFIED");
    }
    return row.getString("state").equals("QUALIFIED") && !"lost".equals(row.getString("outcome_result"));
  }

  private static LeadFeatures features(Row row, Set<String> excludedAttributes) {
    Map<String, Double> numbers = new HashMap<>();
    Map<String, String> categories = new HashMap<>();
    category(categories, "source", row.getString("source"));
    category(categories, "industry", row.getString("industry"));
    category(categories, "country", row.getString("country"));
    category(categories, "city", row.getString("city"));
    category(categories, "jobTitle", row.getString("job_title"));
    number(numbers, "numberOfEmployees", row.getDouble("employees"));
    number(numbers, "annualRevenue", row.getDouble("revenue"));
    numbers.put("contact.email", row.getBoolean("has_email") ? 1.0 : 0.0);
    numbers.put("contact.phone", row.getBoolean("has_phone") ? 1.0 : 0.0);
    numbers.put("contact.website", row.getBoolean("has_website") ? 1.0 : 0.0);
    number(numbers, "qualification.budgetAmount", row.getDouble("budget"));
    category(categories, "qualification.budgetStatus", row.getString("budget_status"));
    Boolean decisionMaker = row.getBoolean("decision_maker");
    number(numbers, "qualification.decisionMaker", decisionMaker == null ? null : decisionMaker ? 1.0 : 0.0);
    category(categories, "qualification.purchaseProcess", row.getString("purchase_process"));
    category(categories, "qualification.need", row.getString("need"));
    category(categories, "qualification.purchaseTimeframe", row.getString("purchase_timeframe"));
    number(numbers, "readiness.score", row.getDouble("readiness"));
    category(categories, "readiness.fit", row.getString("readiness_fit"));
    Boolean requiredMet = row.getBoolean("readiness_required_met");
    category(categories, "readiness.requiredMet", requiredMet == null ? null : requiredMet.toString());
    Double activities = row.getDouble("activities");
    numbers.put("engagement.activities", activities == null ? 0.0 : activities);
    number(numbers, "engagement.hoursToFirstContact", row.getDouble("hours_to_first_contact"));
    number(numbers, "engagement.daysSinceLastActivity", row.getDouble("days_since_last_activity"));
    number(numbers, "engagement.daysActive", row.getDouble("days_active"));
    JsonObject counts = row.getJsonObject("counts");
    if (counts != null) {
      counts.forEach(entry -> number(numbers, "activities." + entry.getKey(), ((Number) entry.getValue()).doubleValue()));
    }
    JsonObject attributes = row.getJsonObject("attributes");
    if (attributes != null) {
      for (Map.Entry<String, Object> attribute : attributes) {
        if (excludedAttributes.contains(attribute.getKey())) {
          continue;
        }
        String name = "attributes." + attribute.getKey();
        Object value = attribute.getValue();
        if (value instanceof Number number) {
          numbers.put(name, number.doubleValue());
        } else if (value instanceof Boolean yes) {
          numbers.put(name, yes ? 1.0 : 0.0);
        } else if (value instanceof String text && !text.isBlank()) {
          categories.put(name, text.length() > 200 ? text.substring(0, 200) : text);
        }
      }
    }
    return new LeadFeatures(numbers, categories);
  }

  private static void category(Map<String, String> categories, String name, String value) {
    if (value != null) {
      categories.put(name, value);
    }
  }

  private static void number(Map<String, Double> numbers, String name, Double value) {
    if (value != null && !value.isNaN()) {
      numbers.put(name, value);
    }
  }
}
