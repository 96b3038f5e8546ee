package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.leadflow.lead.persistence.WebForms;

/**
 * Forgets the web forms' rate-limit counters of windows that have ended, every {@code
 * leadflow.web-forms.counter-cleanup-interval} (1 h): without it, every address that ever submitted a
 * form would keep a row.
 */
@ApplicationScoped
public class WebFormCounterCleanup {

  @Inject WebForms forms;
  @Inject Clock clock;

  @Scheduled(
      every = "${leadflow.web-forms.counter-cleanup-interval:1h}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> onSchedule() {
    return forgetEndedWindows().replaceWithVoid();
  }

  /** Drops the counters of every window that has ended; answers how many. */
  public Uni<Integer> forgetEndedWindows() {
    return Panache.withTransaction(() -> forms.forgetEndedWindows(clock.instant()));
  }
}
