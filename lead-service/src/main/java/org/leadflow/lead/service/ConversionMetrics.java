package org.leadflow.lead.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.leadflow.lead.domain.Conversion;
import org.leadflow.lead.domain.ConversionStatus;
import org.leadflow.lead.domain.Lead;

/**
 * How conversions end, for the on-call person: {@code leadflow_conversions_resolved_total{outcome}}
 * ({@code completed} or {@code failed}) and {@code leadflow_conversion_duration_seconds}, a histogram
 * of the time from qualify to opportunity-service's answer recorded on the lead. Conversions still
 * waiting are gauges of {@link StuckConversions} ({@code leadflow_conversions_pending}, {@code
 * leadflow_conversions_stuck}).
 */
@ApplicationScoped
public class ConversionMetrics {

  private final Counter completed;
  private final Counter failed;
  private final Timer duration;

  @Inject
  ConversionMetrics(MeterRegistry registry) {
    completed = resolved(registry, "completed");
    failed = resolved(registry, "failed");
    duration =
        Timer.builder("leadflow.conversion.duration")
            .description("From qualify to opportunity-service's answer recorded on the lead")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(5))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
  }

  private static Counter resolved(MeterRegistry registry, String outcome) {
    return Counter.builder("leadflow.conversions.resolved")
        .description("Conversions answered by opportunity-service, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * Counts the conversion {@code conversionId} of {@code lead}, once its answer is committed; an
   * answer about an earlier conversion of the lead, which changed nothing, is not counted.
   */
  public void answered(Lead lead, UUID conversionId) {
    Conversion conversion = lead.conversion();
    if (conversion == null || !conversionId.equals(conversion.id()) || conversion.resolvedAt() == null) {
      return;
    }
    if (conversion.status() == ConversionStatus.COMPLETED) {
      completed.increment();
    } else if (conversion.status() == ConversionStatus.FAILED) {
      failed.increment();
    } else {
      return;
    }
    duration.record(Duration.between(conversion.requestedAt(), conversion.resolvedAt()));
  }
}
