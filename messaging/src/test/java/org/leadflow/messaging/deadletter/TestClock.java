package org.leadflow.messaging.deadletter;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock module web's request budget reads, which each service produces. */
public class TestClock {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
