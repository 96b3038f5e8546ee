package org.leadflow.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.run.LeadflowService;

/**
 * One conversion at a time on an otherwise idle system: qualify a lead, wait until its opportunity's
 * {@code leadflow.opportunity.created.v1} is seen on the topic, then the next. Each conversion's path
 * is then split into stages by the times both services recorded for it (lead-service's outbox row and
 * its publication, opportunity-service's inbox claim, the opportunity, its outbox row and
 * publication, lead-service's inbox claim of the answer), all taken from this machine's clock.
 */
final class IdleConversions {

  /** A conversion whose opportunity is not seen this long after its qualify counts as lost. */
  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  /**
   * The stages of one conversion, in order, each from the previous point to its own; the relay's
   * {@code published_at} is the start of its publishing transaction (before the record is sent).
   */
  static final List<String> STAGES =
      List.of(
          "qualify answered → lead-service relay starts publishing",
          "lead relay starts → opportunity-service claims the event (send, broker, fetch)",
          "claim → opportunity-service relay starts publishing (the transaction, the wake-up)",
          "opportunity relay starts → lead-service claims the answer (send, broker, fetch)");

  private final HttpLoad load;
  private final Stack stack;
  private final Connection leads;
  private final Connection opportunities;
  private final LeadSeeder seeder;
  private final ObjectMapper json = new ObjectMapper();
  private int runs;

  IdleConversions(HttpLoad load, Stack stack, Connection leads, Connection opportunities) {
    this.load = load;
    this.stack = stack;
    this.leads = leads;
    this.opportunities = opportunities;
    this.seeder = new LeadSeeder(leads);
  }

  /**
   * What {@code count} conversions in a row measured: the qualify's answer, qualify answered →
   * created event seen, qualify answered → opportunity created (its {@code created_at}), each stage,
   * and how many were not seen within {@link #GIVE_UP}.
   */
  record Result(
      Measurement qualify, Measurement seen, Measurement created, Map<String, Measurement> stages, long lost) {}

  Result run(int count) throws SQLException, InterruptedException {
    List<UUID> pool = seeder.openLeads(count, "conversion-idle-" + (++runs));
    HttpClient leadService = load.client(stack.port(LeadflowService.LEAD_SERVICE), 1);
    BlockingQueue<Map.Entry<String, Long>> arrivals = new LinkedBlockingQueue<>();
    Histogram qualify = Measurement.newHistogram();
    Histogram seen = Measurement.newHistogram();
    Map<UUID, Long> answeredMicros = new LinkedHashMap<>();
    Map<UUID, UUID> opportunityOf = new LinkedHashMap<>();
    long lost = 0;
    long began = System.nanoTime();
    try (OpportunityEventsWatch watch =
        new OpportunityEventsWatch(
            stack.infrastructure().kafkaBootstrapServers(), (id, arrived) -> arrivals.add(Map.entry(id, arrived)))) {
      for (UUID lead : pool) {
        boolean capture = System.getenv("LEADFLOW_CAPTURE_STATEMENTS") != null && lead.equals(pool.get(pool.size() - 1));
        if (capture) {
          try (var st = leads.createStatement()) {
            st.execute("ALTER SYSTEM SET log_statement = 'all'");
            st.execute("SELECT pg_reload_conf()");
          }
          Benchmark.pause(Duration.ofSeconds(1));
          System.err.println("CAPTURE-START");
        }
        long sent = System.nanoTime();
        Reply reply =
            load.await(
                () -> load.send(leadService, Request.postJson("/api/v1/leads/" + lead + "/qualify", Conversion.QUALIFY_BODY)),
                GIVE_UP);
        long answered = System.nanoTime();
        answeredMicros.put(lead, epochMicros(Instant.now()));
        if (reply.status() != 200) {
          throw new IllegalStateException("Qualify answered " + reply.status() + ": " + reply.body());
        }
        qualify.recordValue(Math.max(1, (answered - sent) / 1_000));
        String opportunity = opportunityId(reply);
        opportunityOf.put(lead, UUID.fromString(opportunity));
        Long arrived = awaitArrival(arrivals, opportunity, answered + GIVE_UP.toNanos());
        if (arrived == null) {
          lost++;
        } else {
          seen.recordValue(Math.max(1, (arrived - answered) / 1_000));
        }
        if (capture) {
          Benchmark.pause(Duration.ofSeconds(1));
          try (var st = leads.createStatement()) {
            st.execute("ALTER SYSTEM RESET log_statement");
            st.execute("SELECT pg_reload_conf()");
          }
          System.err.println("CAPTURE-END");
        }
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    Histogram created = Measurement.newHistogram();
    List<Histogram> stageHistograms = STAGES.stream().map(stage -> Measurement.newHistogram()).toList();
    for (Map.Entry<UUID, Long> answer : answeredMicros.entrySet()) {
      UUID lead = answer.getKey();
      UUID opportunity = opportunityOf.get(lead);
      Long opportunityCreated =
          micros(opportunities, "SELECT created_at FROM opportunity WHERE id = ?", opportunity);
      if (opportunityCreated != null) {
        created.recordValue(Math.max(1, opportunityCreated - answer.getValue()));
      }
      Long[] points = {
        answer.getValue(),
        micros(leads, "SELECT published_at FROM outbox_event WHERE aggregate_id = ? AND type = '" + LeadEventTypes.QUALIFIED + "'", lead),
        micros(opportunities, "SELECT processed_at FROM processed_event WHERE subject = ?::text AND type = '" + LeadEventTypes.QUALIFIED + "'", lead),
        micros(opportunities, "SELECT published_at FROM outbox_event WHERE aggregate_id = ? AND type = '" + OpportunityEventTypes.CREATED + "'", opportunity),
        micros(leads, "SELECT processed_at FROM processed_event WHERE subject = ?::text AND type = '" + OpportunityEventTypes.CREATED + "'", opportunity)
      };
      for (int stage = 0; stage < STAGES.size(); stage++) {
        if (points[stage] != null && points[stage + 1] != null) {
          // A stage can come out a little negative: published_at is its transaction's start.
          stageHistograms.get(stage).recordValue(Math.max(1, points[stage + 1] - points[stage]));
        }
      }
    }
    Map<String, Measurement> stages = new LinkedHashMap<>();
    for (int stage = 0; stage < STAGES.size(); stage++) {
      Histogram histogram = stageHistograms.get(stage);
      stages.put(STAGES.get(stage), new Measurement(STAGES.get(stage), histogram.getTotalCount(), Map.of(), seconds, histogram));
    }
    return new Result(
        new Measurement("qualify, one at a time", qualify.getTotalCount(), Map.of(), seconds, qualify),
        new Measurement("qualify answered → opportunity created event seen", seen.getTotalCount(), Map.of(), seconds, seen),
        new Measurement("qualify answered → opportunity created_at", created.getTotalCount(), Map.of(), seconds, created),
        stages,
        lost);
  }

  private static Long awaitArrival(BlockingQueue<Map.Entry<String, Long>> arrivals, String opportunity, long deadline)
      throws InterruptedException {
    while (true) {
      long left = deadline - System.nanoTime();
      Map.Entry<String, Long> arrival = left > 0 ? arrivals.poll(left, TimeUnit.NANOSECONDS) : null;
      if (arrival == null) {
        return null;
      }
      if (arrival.getKey().equals(opportunity)) {
        return arrival.getValue();
      }
    }
  }

  /** The first row's timestamp, in microseconds since the epoch; null when there is none (yet). */
  private static Long micros(Connection connection, String sql, UUID key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql + " LIMIT 1")) {
      if (sql.contains("?::text")) {
        select.setString(1, key.toString());
      } else {
        select.setObject(1, key);
      }
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        Timestamp at = rows.getTimestamp(1);
        return at == null ? null : epochMicros(at.toInstant());
      }
    }
  }

  private String opportunityId(Reply reply) {
    try {
      return json.readTree(reply.body().getBytes()).at("/conversion/opportunityId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long epochMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
