package org.leadflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.leadflow.devstack.run.LeadflowService;

/**
 * Qualifying leads into opportunities across both services: how soon an opportunity is readable in
 * opportunity-service after lead-service answered the qualify, and how many conversions per second
 * the two sustain with none lost and none duplicated.
 */
final class Conversion {

  /**
   * Seller's options as a typical qualify sends them: one opportunity line; account and contact created
   * or matched. The benchmark's leads carry no qualification data, so its sales manager overrides the
   * default qualification policy's gate: the gate is evaluated on every qualify, as in production.
   */
  static final String QUALIFY_BODY =
      "{\"opportunity\":{\"estimatedCloseDate\":\"2027-03-31\",\"lines\":[{\"productName\":\"LeadFlow seat\","
          + "\"quantity\":\"25\",\"unitPrice\":{\"amount\":\"40.00\",\"currency\":\"EUR\"}}]},"
          + "\"policyOverride\":{\"justification\":\"Benchmark lead\"}}";

  /** An opportunity not readable this long after its qualify counts as lost. */
  static final Duration GIVE_UP = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A rate is sustained only while conversions keep up: p99 of qualify → created within this. */
  static final double SUSTAINED_LAG_P99_MILLIS = 1_000;

  private final HttpLoad load;
  private final Stack stack;
  private final Connection leads;
  private final Connection opportunities;
  private final LeadSeeder seeder;
  private int runs;

  Conversion(HttpLoad load, Stack stack, Connection leads, Connection opportunities) {
    this.load = load;
    this.stack = stack;
    this.leads = leads;
    this.opportunities = opportunities;
    this.seeder = new LeadSeeder(leads);
  }

  /** Conversion latency at a steady rate. */
  record Latency(Measurement qualify, Measurement readable, long notReadableInTime) {}

  /**
   * Qualifies leads at {@code perSecond} and records, for each qualify answered after the warm-up,
   * the time from its answer to the arrival of its opportunity's {@code leadflow.opportunity.created.v1}
   * ({@link OpportunityEventsWatch}: by then the opportunity is readable). Waits until every
   * opportunity arrived, or {@link #GIVE_UP} after the last answer.
   */
  Latency latency(double perSecond, Duration warmUp, Duration duration) throws SQLException, InterruptedException {
    int total = (int) Math.floor(perSecond * (warmUp.toNanos() + duration.toNanos()) / 1e9);
    long measuredFrom = (long) Math.ceil(perSecond * warmUp.toNanos() / 1e9);
    List<UUID> pool = seeder.openLeads(total, "conversion-latency-" + (int) perSecond + "-" + (++runs));
    HttpClient leadService = load.client(stack.port(LeadflowService.LEAD_SERVICE), 32);
    Histogram readable = Measurement.newHistogram();
    // Both maps are used on the load generator's thread only.
    Map<String, Long> answeredAt = new HashMap<>();
    Map<String, Long> arrivedAt = new HashMap<>();
    long[] awaited = {0};
    Measurement qualify;
    try (OpportunityEventsWatch watch =
        new OpportunityEventsWatch(
            stack.infrastructure().kafkaBootstrapServers(),
            (opportunityId, arrived) ->
                load.onLoop(() -> {
                  Long answered = answeredAt.remove(opportunityId);
                  if (answered == null) {
                    arrivedAt.put(opportunityId, arrived); // before its qualify answer was handled
                  } else {
                    readable.recordValue(Math.max(1, (arrived - answered) / 1_000));
                    awaited[0]--;
                  }
                }))) {
      qualify =
          load.fixedRate(
              "qualify at " + (int) perSecond + "/s",
              leadService,
              perSecond,
              warmUp,
              duration,
              index -> Request.postJson("/api/v1/leads/" + pool.get((int) index) + "/qualify", QUALIFY_BODY),
              status -> status == 200,
              (index, reply, answered) -> {
                if (index < measuredFrom) {
                  return;
                }
                String opportunityId = opportunityId(reply);
                Long arrived = arrivedAt.remove(opportunityId);
                if (arrived == null) {
                  answeredAt.put(opportunityId, answered);
                  awaited[0]++;
                } else {
                  readable.recordValue(Math.max(1, (arrived - answered) / 1_000));
                }
              });
      load.awaitCondition(() -> awaited[0] == 0, GIVE_UP);
    }
    long notArrived = load.await(() -> Future.succeededFuture((long) answeredAt.size()), GIVE_UP);
    Measurement converted =
        new Measurement("qualify answered → opportunity created event received", readable.getTotalCount(), Map.of(), qualify.seconds(), readable);
    return new Latency(qualify, converted, notArrived);
  }

  /** One offered rate held for a while, and whether the services kept up with it. */
  record Step(
      double offeredPerSecond,
      Measurement qualify,
      long qualified,
      long converted,
      long lost,
      long duplicated,
      long failedConversions,
      Measurement lag,
      double convertedPerSecond,
      double drainSeconds) {

    boolean sustained() {
      return qualify.failed() == 0
          && lost == 0
          && duplicated == 0
          && failedConversions == 0
          && qualify.millisAt(99) <= SUSTAINED_LAG_P99_MILLIS
          && lag.millisAt(99) <= SUSTAINED_LAG_P99_MILLIS;
    }
  }

  /**
   * Qualifies leads at {@code perSecond} for {@code duration}, waits for opportunity-service to catch
   * up, then counts the opportunities of those leads in its database: one each, none missing, none
   * twice. The lag of each is the opportunity's {@code created_at} (opportunity-service's clock, set
   * in the transaction that creates it) minus the time the qualify was answered; both clocks are this
   * machine's.
   */
  Step step(double perSecond, Duration duration) throws SQLException {
    int total = (int) Math.floor(perSecond * duration.toNanos() / 1e9);
    // A pool of its own per run: the sustained run repeats a step's rate.
    List<UUID> pool = seeder.openLeads(total, "conversion-" + (int) perSecond + "-" + (++runs));
    Map<UUID, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < pool.size(); i++) {
      indexOf.put(pool.get(i), i);
    }
    long[] answeredMicros = new long[total];
    HttpClient leadService = load.client(stack.port(LeadflowService.LEAD_SERVICE), 64);
    long startedMicros = epochMicros(Instant.now());
    Measurement qualify =
        load.fixedRate(
            "qualify at " + (int) perSecond + "/s",
            leadService,
            perSecond,
            Duration.ZERO,
            duration,
            index -> Request.postJson("/api/v1/leads/" + pool.get((int) index) + "/qualify", QUALIFY_BODY),
            status -> status == 200,
            (index, reply, answeredAt) -> answeredMicros[(int) index] = epochMicros(Instant.now()));
    long qualified = qualify.succeeded();
    long qualifiesDone = System.nanoTime();
    Array ids = opportunities.createArrayOf("uuid", pool.toArray());
    long converted = 0;
    while (System.nanoTime() - qualifiesDone < GIVE_UP.toNanos()) {
      converted = countOpportunities(ids);
      if (converted >= qualified) {
        break;
      }
      Benchmark.pause(Duration.ofMillis(100));
    }
    double drainSeconds = (System.nanoTime() - qualifiesDone) / 1e9;
    Histogram lag = Measurement.newHistogram();
    long found = 0;
    long duplicated = 0;
    long lastCreated = startedMicros;
    try (PreparedStatement select =
        opportunities.prepareStatement(
            "SELECT originating_lead_id, count(*), min(created_at) FROM opportunity"
                + " WHERE originating_lead_id = ANY(?) GROUP BY originating_lead_id")) {
      select.setArray(1, ids);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found++;
          duplicated += rows.getLong(2) - 1;
          long created = epochMicros(rows.getTimestamp(3).toInstant());
          lastCreated = Math.max(lastCreated, created);
          long answered = answeredMicros[indexOf.get(rows.getObject(1, UUID.class))];
          if (answered > 0) {
            lag.recordValue(Math.max(1, created - answered));
          }
        }
      }
    }
    long failedConversions;
    try (PreparedStatement select =
        leads.prepareStatement("SELECT count(*) FROM lead WHERE id = ANY(?) AND conversion_status = 'FAILED'")) {
      select.setArray(1, leads.createArrayOf("uuid", pool.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        failedConversions = rows.getLong(1);
      }
    }
    double window = (lastCreated - startedMicros) / 1e6;
    Measurement lagMeasurement =
        new Measurement("qualify answered → opportunity created", lag.getTotalCount(), Map.of(), window, lag);
    return new Step(
        perSecond, qualify, qualified, found, Math.max(0, qualified - found), duplicated, failedConversions,
        lagMeasurement, window > 0 ? found / window : 0, drainSeconds);
  }

  private long countOpportunities(Array ids) throws SQLException {
    try (PreparedStatement count =
        opportunities.prepareStatement("SELECT count(*) FROM opportunity WHERE originating_lead_id = ANY(?)")) {
      count.setArray(1, ids);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The opportunity a qualify's answer names. */
  static String opportunityId(Reply reply) {
    try {
      JsonNode body = JSON.readTree(reply.body().getBytes());
      return body.at("/conversion/opportunityId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long epochMicros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
