package org.leadflow.lead.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.leadflow.lead.config.ConversionConfig;
import org.leadflow.lead.domain.ConversionStatus;
import org.leadflow.lead.persistence.LeadRepository;

/**
 * Conversions still pending {@code leadflow.conversion.stuck-after} after they were asked for:
 * opportunity-service's answer is overdue, lost, or the request never arrived. They show in the
 * gauge {@code leadflow.conversions.stuck} (counted every {@code
 * leadflow.conversion.stuck-check-interval} over the pending conversions' index) and in the lead
 * list ({@code conversionStuck=true}); a sales manager can publish their LeadQualified again. The
 * same count also measures the gauge {@code leadflow.conversions.pending}, all conversions waiting.
 */
@ApplicationScoped
public class StuckConversions {

  /** A Panache condition on the lead: its conversion is stuck (parameter {@code stuckBefore}). */
  public static final String CONDITION = "conversion.status = :pending and conversion.requestedAt < :stuckBefore";

  /** {@link #CONDITION} in SQL over {@code lead l}, for the lead list. */
  static final String SQL_CONDITION = "l.conversion_status = :pending AND l.conversion_requested_at < :stuckBefore";
  /** The opposite of {@link #SQL_CONDITION}: never qualified, resolved, or pending for a shorter time. */
  static final String SQL_NOT_STUCK =
      "l.conversion_status IS NULL OR l.conversion_status <> :pending OR l.conversion_requested_at >= :stuckBefore";

  private final AtomicLong stuck = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();

  @Inject LeadRepository leads;
  @Inject ConversionConfig config;
  @Inject Clock clock;

  @Inject
  void registerGauge(MeterRegistry registry) {
    Gauge.builder("leadflow.conversions.stuck", stuck, AtomicLong::get)
        .description("Conversions pending longer than leadflow.conversion.stuck-after")
        .register(registry);
    Gauge.builder("leadflow.conversions.pending", pending, AtomicLong::get)
        .description("Conversions waiting for opportunity-service's answer")
        .register(registry);
  }

  /** Conversions asked for before this instant and still pending are stuck. */
  public Instant stuckBefore() {
    return clock.instant().minus(config.stuckAfter());
  }

  @Scheduled(
      every = "${leadflow.conversion.stuck-check-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> count() {
    return Panache.withSession(
            () ->
                leads
                    .count(CONDITION, Parameters.with("pending", ConversionStatus.PENDING).and("stuckBefore", stuckBefore()))
                    .invoke(stuck::set)
                    .chain(() -> leads.count("conversion.status = ?1", ConversionStatus.PENDING))
                    .invoke(pending::set))
        .replaceWithVoid();
  }
}
