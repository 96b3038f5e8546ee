package org.leadflow.benchmarks;

import io.vertx.core.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

  /** The opportunity's created event from its relay to a subscriber, split at the record's send. */
  static final List<String> HOP =
      List.of(
          "opportunity relay starts → its record is sent (the relay's transaction up to the send)",
          "record sent → a subscriber has it (the Kafka hop: producer, broker, fetch; millisecond resolution)");

  private final HttpLoad load;
  private final Stack stack;
  private final Connection leads;
  private final Connection opportunities;
  private final LeadSeeder seeder;
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
   * created event seen, qualify answered → the opportunity's {@code created_at} (opportunity-service's
   * clock as it starts the conversion, after the inbox claim), each stage, and how many were not seen
   * within {@link Conversion#GIVE_UP}.
   */
  record Result(
      Measurement qualify, Measurement seen, Measurement created, Map<String, Measurement> stages, long lost) {}


  Result run(int count) throws SQLException, InterruptedException {
    List<UUID> pool = seeder.openLeads(count, "conversion-idle-" + (++runs));
    HttpClient leadService = load.client(stack.port(LeadflowService.LEAD_SERVICE), 1);
    BlockingQueue<OpportunityEventsWatch.Arrival> arrivals = new LinkedBlockingQueue<>();
    Map<UUID, OpportunityEventsWatch.Arrival> arrivalOf = new LinkedHashMap<>();
    Histogram qualify = Measurement.newHistogram();
    Histogram seen = Measurement.newHistogram();
    Map<UUID, Long> answeredMicros = new LinkedHashMap<>();
    Map<UUID, UUID> opportunityOf = new LinkedHashMap<>();
    long lost = 0;
    long began = System.nanoTime();
    try (OpportunityEventsWatch watch =
        new OpportunityEventsWatch(
            stack.infrastructure().kafkaBootstrapServers(), arrivals::add)) {
      for (UUID lead : pool) {
        long sent = System.nanoTime();
        Reply reply =
            load.await(
                () -> load.send(leadService, Request.postJson("/api/v1/leads/" + lead + "/qualify", Conversion.QUALIFY_BODY)),
                Conversion.GIVE_UP);
        long answered = System.nanoTime();
        answeredMicros.put(lead, epochMicros(Instant.now()));
        if (reply.status() != 200) {
          throw new IllegalStateException("Qualify answered " + reply.status() + ": " + reply.body());
        }
        qualify.recordValue(Math.max(1, (answered - sent) / 1_000));
        String opportunity = Conversion.opportunityId(reply);
        opportunityOf.put(lead, UUID.fromString(opportunity));
        OpportunityEventsWatch.Arrival arrived = awaitArrival(arrivals, opportunity, answered + Conversion.GIVE_UP.toNanos());
        if (arrived == null) {
          lost++;
        } else {
          arrivalOf.put(lead, arrived);
          seen.recordValue(Math.max(1, (arrived.nanoTime() - answered) / 1_000));
        }
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    Histogram created = Measurement.newHistogram();
    List<Histogram> stageHistograms = STAGES.stream().map(stage -> Measurement.newHistogram()).toList();
    List<Histogram> hopHistograms = HOP.stream().map(stage -> Measurement.newHistogram()).toList();
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
      OpportunityEventsWatch.Arrival arrival = arrivalOf.get(lead);
      if (arrival != null && points[3] != null) {
        long sent = arrival.sentEpochMillis() * 1_000;
        hopHistograms.get(0).recordValue(Math.max(1, sent - points[3]));
        hopHistograms.get(1).recordValue(Math.max(1, arrival.epochMicros() - sent));
      }
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
    for (int stage = 0; stage < HOP.size(); stage++) {
      Histogram histogram = hopHistograms.get(stage);
      stages.put(HOP.get(stage), new Measurement(HOP.get(stage), histogram.getTotalCount(), Map.of(), seconds, histogram));
    }
    return new Result(
        new Measurement("qualify, one at a time", qualify.getTotalCount(), Map.of(), seconds, qualify),
        new Measurement("qualify answered → opportunity created event seen", seen.getTotalCount(), Map.of(), seconds, seen),
        new Measurement("qualify answered → opportunity created_at", created.getTotalCount(), Map.of(), seconds, created),
        stages,
        lost);
  }

  private static OpportunityEventsWatch.Arrival awaitArrival(
      BlockingQueue<OpportunityEventsWatch.Arrival> arrivals, String opportunity, long deadline) throws InterruptedException {
    while (true) {
      long left = deadline - System.nanoTime();
      OpportunityEventsWatch.Arrival arrival = left > 0 ? arrivals.poll(left, TimeUnit.NANOSECONDS) : null;
      if (arrival == null || arrival.opportunityId().equals(opportunity)) {
        return arrival;
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

  private static long epochMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
