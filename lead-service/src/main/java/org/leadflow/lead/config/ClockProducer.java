package org.leadflow.lead.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One clock for the service, so that time can be fixed where a test needs it, and moved: with {@code
 * leadflow.clock.offset} (an ISO-8601 duration such as {@code P30D}) the service runs that far in the
 * future (a negative one, in the past), for tests and demos of what happens on a date, e.g. the end of
 * a nurture period. Never set it in production.
 */
public class ClockProducer {

  private static final Logger LOG = Logger.getLogger(ClockProducer.class);

  @Produces
  @Singleton
  Clock clock(@ConfigProperty(name = "leadflow.clock.offset", defaultValue = "PT0S") Duration offset) {
    if (offset.isZero()) {
      return Clock.systemUTC();
    }
    LOG.warnf("The service's clock runs %s off the real time (leadflow.clock.offset): for tests and demos only", offset);
    return Clock.offset(Clock.systemUTC(), offset);
  }
}
