package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.leadflow.lead.domain.webform.OriginNotAllowedException;
import org.leadflow.lead.domain.webform.WebForm;
import org.leadflow.lead.domain.webform.WebFormNotFoundException;
import org.leadflow.lead.domain.webform.WebFormSettings;
import org.leadflow.lead.persistence.WebForms;
import org.leadflow.web.security.RateLimitExceededException;

/**
 * The gate of the public capture endpoint, before the submission is read: the form exists, is active
 * and opens with the key (else 404, alike), the page's origin is one it lists (else 403), and the
 * submission is within the form's limits, per form and per client address, counted in PostgreSQL so
 * that they hold across instances (else 429 with the time left in the window). A submission refused
 * here is not counted (its transaction rolls back).
 */
@ApplicationScoped
public class AdmitWebSubmission implements CommandHandler<AdmitWebSubmission.Command, AdmitWebSubmission.Admitted> {

  /** @param origin the page's Origin, or null when the request has none */
  public record Command(UUID formId, String key, String origin, String clientAddress) {}

  public record Admitted(UUID formId, String name, WebFormSettings settings) {}

  @Inject WebForms forms;
  @Inject Clock clock;

  @Override
  public Uni<Admitted> handle(Command command) {
    return forms.findById(command.formId()).chain(form -> {
      if (form == null || !form.opensWith(command.key())) {
        throw new WebFormNotFoundException(command.formId());
      }
      if (!form.allowsOrigin(command.origin())) {
        throw new OriginNotAllowedException();
      }
      WebFormSettings settings = form.settings();
      Instant now = clock.instant();
      long window = settings.rateWindow().toMillis();
      Instant start = Instant.ofEpochMilli(now.toEpochMilli() / window * window);
      Duration left = Duration.between(now, start.plusMillis(window));
      return forms
          .countSubmission(form.id(), "form", start)
          .invoke(count -> refuseOver(count, settings.perFormLimit(), left))
          .chain(() -> forms.countSubmission(form.id(), "address:" + command.clientAddress(), start))
          .invoke(count -> refuseOver(count, settings.perAddressLimit(), left))
          .replaceWith(new Admitted(form.id(), form.name(), settings));
    });
  }

  private static void refuseOver(int count, int limit, Duration left) {
    if (count > limit) {
      throw new RateLimitExceededException(left);
    }
  }

}
