package org.leadflow.lead.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leadflow.lead.domain.scoring.Factor;
import org.leadflow.lead.domain.scoring.FeatureSpace;
import org.leadflow.lead.domain.scoring.LeadScore;
import org.leadflow.lead.domain.scoring.ModelTraining;
import org.leadflow.lead.domain.scoring.ScoringModel;
import org.leadflow.lead.domain.scoring.ScoringSettings;
import org.leadflow.lead.domain.scoring.TrainingRun;

/**
 * Scoring's tables (migration V26): settings, training runs, models, each lead's score; and the
 * score columns of {@code lead} (V24), written by SQL beside the entity, without its version: a new
 * score is not a change of the lead and must not make a seller's pending edit stale.
 */
@ApplicationScoped
public class ScoringStore {

  private static final String RUN_COLUMNS =
      "id, status, requested_by, options, created_at, started_at, finished_at, result, model_version, data, metrics, failure";

  @Inject Pool pool;
  @Inject ObjectMapper json;

  public Uni<ScoringSettings> settings() {
    return pool.query("SELECT excluded_attributes, version, updated_at, updated_by FROM scoring_settings WHERE id = 1")
        .execute()
        .map(rows -> {
          Row row = rows.iterator().next();
          List<String> excluded = new ArrayList<>();
          ((JsonArray) row.getValue("excluded_attributes")).forEach(name -> excluded.add(name.toString()));
          return new ScoringSettings(excluded, row.getInteger("version"), instant(row.getOffsetDateTime("updated_at")), row.getString("updated_by"));
        });
  }

  public Uni<Set<String>> excludedAttributes() {
    return settings().map(settings -> new LinkedHashSet<>(settings.excludedAttributes()));
  }

  public Uni<ScoringSettings> saveSettings(List<String> excludedAttributes, String by, Instant now) {
    return pool.preparedQuery(
            "UPDATE scoring_settings SET excluded_attributes = $1::text::jsonb, updated_at = $2, updated_by = $3, version = version + 1 WHERE id = 1")
        .execute(Tuple.of(new JsonArray(excludedAttributes).encode(), now.atOffset(ZoneOffset.UTC), by))
        .chain(this::settings);
  }

  /** Queues a training unless one is queued or running already; empty when one is. */
  public Uni<Optional<UUID>> queueTraining(String by, Map<String, Object> options, Instant now) {
    UUID id = UUID.randomUUID();
    return pool.preparedQuery(
            "INSERT INTO scoring_training_run (id, status, requested_by, options, created_at) SELECT $1, 'QUEUED', $2, $3::text::jsonb, $4"
                + " WHERE NOT EXISTS (SELECT 1 FROM scoring_training_run WHERE status = 'QUEUED'"
                + " OR (status = 'RUNNING' AND claimed_until > $4))")
        .execute(Tuple.of(id, by, JsonObject.mapFrom(options).encode(), now.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.rowCount() == 1 ? Optional.of(id) : Optional.empty());
  }

  /** Claims the oldest queued training (or one whose instance stopped) until {@code until}. */
  public Uni<Optional<TrainingRun>> claimNext(Instant now, Instant until) {
    return pool.preparedQuery(
            "UPDATE scoring_training_run SET status = 'RUNNING', started_at = coalesce(started_at, $1), claimed_until = $2"
                + " WHERE id = (SELECT id FROM scoring_training_run WHERE status = 'QUEUED' OR (status = 'RUNNING' AND claimed_until < $1)"
                + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + RUN_COLUMNS)
        .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(run(rows.iterator().next())));
  }

  public Uni<Void> finish(UUID id, String status, String result, Integer modelVersion, Object data, Object metrics, String failure, Instant now) {
    return pool.preparedQuery(
            "UPDATE scoring_training_run SET status = $2, result = $3, model_version = $4, data = $5::text::jsonb, metrics = $6::text::jsonb,"
                + " failure = $7, finished_at = $8, claimed_until = NULL WHERE id = $1")
        .execute(Tuple.from(new Object[] {id, status, result, modelVersion, write(data), write(metrics), failure, now.atOffset(ZoneOffset.UTC)}))
        .replaceWithVoid();
  }

  public Uni<Optional<TrainingRun>> run(UUID id) {
    return pool.preparedQuery("SELECT " + RUN_COLUMNS + " FROM scoring_training_run WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(run(rows.iterator().next())));
  }

  public Uni<List<TrainingRun>> runs(int page, int size) {
    return pool.preparedQuery("SELECT " + RUN_COLUMNS + " FROM scoring_training_run ORDER BY created_at DESC, id LIMIT $1 OFFSET $2")
        .execute(Tuple.of(size, page * size))
        .map(rows -> {
          List<TrainingRun> runs = new ArrayList<>();
          rows.forEach(row -> runs.add(run(row)));
          return runs;
        });
  }

  /** Stores a trained model as the next version, which comes into force. */
  public Uni<Integer> storeModel(UUID runId, ModelTraining.Result result, Instant now) {
    return pool.preparedQuery(
            "INSERT INTO scoring_model (version, training_run_id, created_at, trees, feature_space, calibration, holdout_auc, metrics)"
                + " SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6, $7::text::jsonb FROM scoring_model RETURNING version")
        .execute(Tuple.from(new Object[] {
          runId, now.atOffset(ZoneOffset.UTC), io.vertx.core.buffer.Buffer.buffer(result.trees()), write(result.space()), write(result.calibration()),
          Double.isNaN(result.metrics().holdoutAuc()) ? null : result.metrics().holdoutAuc(), write(result.metrics())}))
        .map(rows -> rows.iterator().next().getInteger("version"));
  }

  /**
   * The model in force: the one the latest completed training made. Empty before the first model, and
   * when the latest training found too little history (then the rule-based score is in force again).
   */
  public Uni<Optional<Integer>> currentModelVersion() {
    return pool.query("SELECT model_version FROM scoring_training_run WHERE status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1")
        .execute()
        .map(rows -> rows.size() == 0 ? Optional.<Integer>empty() : Optional.ofNullable(rows.iterator().next().getInteger("model_version")));
  }

  public Uni<ScoringModel> model(int version) {
    return pool.preparedQuery("SELECT trees, feature_space::text AS space, calibration::text AS calibration FROM scoring_model WHERE version = $1")
        .execute(Tuple.of(version))
        .map(rows -> {
          Row row = rows.iterator().next();
          return ScoringModel.load(
              version,
              row.getBuffer("trees").getBytes(),
              read(row.getString("space"), new TypeReference<FeatureSpace>() {}),
              read(row.getString("calibration"), new TypeReference<ScoringModel.Calibration>() {}));
        });
  }

  /** Every model, newest first: version, when, from which training, holdout AUC and figures. */
  public Uni<List<Map<String, Object>>> models() {
    return pool.query("SELECT version, training_run_id, created_at, holdout_auc, metrics FROM scoring_model ORDER BY version DESC LIMIT 100")
        .execute()
        .map(rows -> {
          List<Map<String, Object>> models = new ArrayList<>();
          for (Row row : rows) {
            Map<String, Object> model = new java.util.LinkedHashMap<>();
            model.put("version", row.getInteger("version"));
            model.put("trainingId", row.getUUID("training_run_id"));
            model.put("createdAt", instant(row.getOffsetDateTime("created_at")));
            model.put("holdoutAuc", row.getDouble("holdout_auc"));
            model.put("metrics", ((JsonObject) row.getValue("metrics")).getMap());
            models.add(model);
          }
          return models;
        });
  }

  public Uni<Optional<LeadScore>> leadScore(UUID leadId) {
    return pool.preparedQuery(
            "SELECT score, grade, probability, method, model_version, factors::text AS factors, scored_at, previous_score, previous_grade,"
                + " previous_scored_at FROM lead_score WHERE lead_id = $1")
        .execute(Tuple.of(leadId))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          Map<String, List<Factor>> factors = read(row.getString("factors"), new TypeReference<Map<String, List<Factor>>>() {});
          String previousGrade = row.getString("previous_grade");
          return Optional.of(
              new LeadScore(
                  leadId,
                  row.getInteger("score"),
                  row.getString("grade").charAt(0),
                  row.getDouble("probability"),
                  row.getString("method"),
                  row.getInteger("model_version"),
                  factors.getOrDefault("raising", List.of()),
                  factors.getOrDefault("lowering", List.of()),
                  instant(row.getOffsetDateTime("scored_at")),
                  row.getInteger("previous_score"),
                  previousGrade == null ? null : previousGrade.charAt(0),
                  instant(row.getOffsetDateTime("previous_scored_at"))));
        });
  }

  /** The score last published for a lead (score, grade), if one was. */
  public record Published(Integer score, String grade) {}

  /**
   * Stores a lead's new score (in the caller's transaction): the score row, the one before it kept
   * as the trend when it differs, and the lead's columns. Answers the score last published.
   */
  public Uni<Published> storeScore(LeadScore score) {
    String sql =
        "WITH stored AS (INSERT INTO lead_score AS s (lead_id, score, grade, probability, method, model_version, factors, scored_at)"
            + " VALUES (:lead, :score, :grade, :probability, :method, :model, cast(cast(:factors as text) as jsonb), :at)"
            + " ON CONFLICT (lead_id) DO UPDATE SET score = excluded.score, grade = excluded.grade, probability = excluded.probability,"
            + " method = excluded.method, model_version = excluded.model_version, factors = excluded.factors, scored_at = excluded.scored_at,"
            + " previous_score = CASE WHEN s.score <> excluded.score OR s.grade <> excluded.grade THEN s.score ELSE s.previous_score END,"
            + " previous_grade = CASE WHEN s.score <> excluded.score OR s.grade <> excluded.grade THEN s.grade ELSE s.previous_grade END,"
            + " previous_scored_at = CASE WHEN s.score <> excluded.score OR s.grade <> excluded.grade THEN s.scored_at"
            + " ELSE s.previous_scored_at END"
            + " RETURNING coalesce(published_score::text, '') || ',' || coalesce(published_grade, '') AS published),"
            + " lead_row AS (UPDATE lead SET score = :score, score_grade = :grade WHERE id = :lead"
            + " AND (score IS DISTINCT FROM :score OR score_grade IS DISTINCT FROM :grade))"
            + " SELECT published FROM stored";
    return Panache.getSession()
        .chain(session -> session.createNativeQuery(sql, String.class)
            .setParameter("lead", score.leadId())
            .setParameter("score", (short) score.score())
            .setParameter("grade", String.valueOf(score.grade()))
            .setParameter("probability", score.probability())
            .setParameter("method", score.method())
            .setParameter("model", score.modelVersion())
            .setParameter("factors", write(Map.of("raising", score.raising(), "lowering", score.lowering())))
            .setParameter("at", score.scoredAt())
            .getSingleResult())
        .map(published -> {
          String[] parts = published.split(",", -1);
          return new Published(parts[0].isEmpty() ? null : Integer.valueOf(parts[0]), parts[1].isEmpty() ? null : parts[1]);
        });
  }

  /** Notes that a lead's score was published (in the transaction of its event). */
  public Uni<Void> published(UUID leadId, int score, char grade) {
    return Panache.getSession()
        .chain(session -> session.createNativeQuery("UPDATE lead_score SET published_score = :score, published_grade = :grade WHERE lead_id = :lead")
            .setParameter("score", (short) score)
            .setParameter("grade", String.valueOf(grade))
            .setParameter("lead", leadId)
            .executeUpdate())
        .replaceWithVoid();
  }

  /** Open leads after {@code after} (by id), for scoring again with a new model. */
  public Uni<List<UUID>> openLeadsAfter(UUID after, int limit) {
    return pool.preparedQuery("SELECT id FROM lead WHERE state = 'OPEN' AND id > $1 ORDER BY id LIMIT $2")
        .execute(Tuple.of(after, limit))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID("id")));
          return ids;
        });
  }

  private TrainingRun run(Row row) {
    return new TrainingRun(
        row.getUUID("id"),
        row.getString("status"),
        row.getString("requested_by"),
        map(row.getValue("options")),
        instant(row.getOffsetDateTime("created_at")),
        instant(row.getOffsetDateTime("started_at")),
        instant(row.getOffsetDateTime("finished_at")),
        row.getString("result"),
        row.getInteger("model_version"),
        map(row.getValue("data")),
        map(row.getValue("metrics")),
        row.getString("failure"));
  }

  private static Map<String, Object> map(Object value) {
    return value instanceof JsonObject object ? object.getMap() : null;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write scoring data as JSON", e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Scoring data is not readable: " + e.getMessage(), e);
    }
  }
}
