package org.leadflow.messaging.deadletter;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.leadflow.contracts.CloudEventHeaders;

/**
 * The service's {@code dead_letter} table (migration {@code db/messaging/R__dead_letter.sql}),
 * through the reactive SQL client: it is written from the Kafka connector's failure path, where no
 * Hibernate session belongs.
 *
 * <p>PostgreSQL refuses NUL characters in text and JSON, and a dead letter is often exactly the
 * message that carries them: in the text columns (key, headers, reason) each NUL becomes U+FFFD,
 * while the payload is kept byte for byte in a {@code bytea} column.
 */
@ApplicationScoped
public class DeadLetterStore {

  private static final String COLUMNS =
      "id, topic, kafka_partition, kafka_offset, record_key, event_id, event_type, headers::text AS headers,"
          + " payload, reason, dead_lettered_at, state, redrive_count, last_redriven_at, last_redriven_by,"
          + " last_redrive_failure, last_redrive_key";

  @Inject Pool pool;

  /** A record and why it is dead-lettered, as the connector's failure handler sees it. */
  public record Failed(
      String topic, int partition, long offset, String key, Headers headers, String payload, String reason) {}

  /** A page of dead letters, newest first. */
  public record Page(List<DeadLetter> items, int page, int size, long total) {}

  /**
   * Records a dead letter, once per topic, partition and offset: a redelivery of the same record
   * (the service stopped before its offset was committed) finds it recorded and changes nothing.
   */
  public Uni<Void> record(Failed failed) {
    Map<String, String> headers = headers(failed.headers());
    Tuple values =
        Tuple.tuple()
            .addUUID(UUID.randomUUID())
            .addString(failed.topic())
            .addInteger(failed.partition())
            .addLong(failed.offset())
            .addString(printable(failed.key()))
            .addString(headers.get(CloudEventHeaders.ID))
            .addString(headers.get(CloudEventHeaders.TYPE))
            .addValue(new JsonObject(new LinkedHashMap<>(headers)))
            .addValue(failed.payload() == null ? null : Buffer.buffer(failed.payload().getBytes(StandardCharsets.UTF_8)).getDelegate())
            .addString(printable(Objects.requireNonNullElse(failed.reason(), "unknown")))
            .addOffsetDateTime(OffsetDateTime.now(ZoneOffset.UTC))
            .addString(DeadLetterState.DEAD_LETTERED.name());
    return pool.preparedQuery(
            "INSERT INTO dead_letter (id, topic, kafka_partition, kafka_offset, record_key, event_id, event_type,"
                + " headers, payload, reason, dead_lettered_at, state)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
                + " ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING")
        .execute(values)
        .replaceWithVoid();
  }

  /** The dead letters in the given state and of the given event type (each when not null). */
  public Uni<Page> list(DeadLetterState state, String eventType, int page, int size) {
    List<String> conditions = new ArrayList<>();
    List<Object> filters = new ArrayList<>();
    if (state != null) {
      filters.add(state.name());
      conditions.add("state = $" + filters.size());
    }
    if (eventType != null) {
      filters.add(eventType);
      conditions.add("event_type = $" + filters.size());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    List<Object> paged = new ArrayList<>(filters);
    paged.add((long) size);
    paged.add((long) page * size); // long: page × size may pass the integer range
    Uni<List<DeadLetter>> items =
        pool.preparedQuery(
                "SELECT " + COLUMNS + " FROM dead_letter" + where + " ORDER BY dead_lettered_at DESC, id DESC"
                    + " LIMIT $" + (filters.size() + 1) + " OFFSET $" + (filters.size() + 2))
            .execute(Tuple.from(paged))
            .map(DeadLetterStore::deadLetters);
    Uni<Long> total =
        pool.preparedQuery("SELECT count(*) FROM dead_letter" + where)
            .execute(Tuple.from(filters))
            .map(rows -> rows.iterator().next().getLong(0));
    return Uni.combine().all().unis(items, total).asTuple()
        .map(both -> new Page(both.getItem1(), page, size, both.getItem2()));
  }

  public Uni<DeadLetter> find(UUID id) {
    return find(pool, id, "");
  }

  /** The dead letter, locked until the connection's transaction ends; null when there is none. */
  Uni<DeadLetter> lock(SqlConnection connection, UUID id) {
    return find(connection, id, " FOR UPDATE");
  }

  /** Records a re-drive's outcome: {@code failure} null when the consumer processed the record. */
  Uni<DeadLetter> redriven(SqlConnection connection, UUID id, String failure, String actor, String idempotencyKey) {
    DeadLetterState state = failure == null ? DeadLetterState.REDRIVEN : DeadLetterState.REDRIVE_FAILED;
    return connection
        .preparedQuery(
            "UPDATE dead_letter SET state = $2, redrive_count = redrive_count + 1, last_redriven_at = $3,"
                + " last_redriven_by = $4, last_redrive_failure = $5, last_redrive_key = $6"
                + " WHERE id = $1 RETURNING " + COLUMNS)
        .execute(
            Tuple.tuple()
                .addUUID(id)
                .addString(state.name())
                .addOffsetDateTime(OffsetDateTime.now(ZoneOffset.UTC))
                .addString(actor)
                .addString(printable(failure))
                .addString(idempotencyKey))
        .map(rows -> deadLetters(rows).get(0));
  }

  private static Uni<DeadLetter> find(SqlClient client, UUID id, String lock) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM dead_letter WHERE id = $1" + lock)
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : deadLetters(rows).get(0));
  }

  private static List<DeadLetter> deadLetters(RowSet<Row> rows) {
    List<DeadLetter> letters = new ArrayList<>(rows.size());
    for (Row row : rows) {
      letters.add(deadLetter(row));
    }
    return letters;
  }

  private static DeadLetter deadLetter(Row row) {
    Map<String, String> headers = new LinkedHashMap<>();
    new JsonObject(row.getString("headers")).forEach(entry -> headers.put(entry.getKey(), String.valueOf(entry.getValue())));
    Buffer payload = row.getBuffer("payload");
    return new DeadLetter(
        row.getUUID("id"),
        row.getString("topic"),
        row.getInteger("kafka_partition"),
        row.getLong("kafka_offset"),
        row.getString("record_key"),
        row.getString("event_id"),
        row.getString("event_type"),
        headers,
        payload == null ? null : payload.toString(StandardCharsets.UTF_8),
        row.getString("reason"),
        instant(row.getOffsetDateTime("dead_lettered_at")),
        DeadLetterState.valueOf(row.getString("state")),
        row.getInteger("redrive_count"),
        instant(row.getOffsetDateTime("last_redriven_at")),
        row.getString("last_redriven_by"),
        row.getString("last_redrive_failure"),
        row.getString("last_redrive_key"));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** Header name → value (UTF-8; the last of a repeated name, as consumers read them), printable. */
  private static Map<String, String> headers(Headers headers) {
    Map<String, String> values = new LinkedHashMap<>();
    if (headers != null) {
      for (Header header : headers) {
        values.put(
            printable(header.key()),
            header.value() == null ? "" : printable(new String(header.value(), StandardCharsets.UTF_8)));
      }
    }
    return values;
  }

  private static String printable(String text) {
    return text == null ? null : text.replace('\u0000', '\uFFFD');
  }
}
