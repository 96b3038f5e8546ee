package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.webform.WebForm;
import org.leadflow.lead.domain.webform.WebFormChangedException;
import org.leadflow.lead.domain.webform.WebFormNotFoundException;
import org.leadflow.lead.domain.webform.WebFormSettings;
import org.leadflow.lead.persistence.WebForms;

/** An admin's web forms: read, created, replaced (optionally with a new key) and deleted. */
@ApplicationScoped
public class WebFormAdministration {

  @Inject WebForms forms;
  @Inject Clock clock;

  public record FormPage(List<WebForm> items, long total) {}

  public Uni<FormPage> list(int page, int size) {
    return Panache.withSession(() -> forms.findAll(Sort.by("createdAt").and("id")).page(Page.of(page, size)).list()
        .chain(items -> forms.count().map(total -> new FormPage(items, total))));
  }

  public Uni<WebForm> get(UUID id) {
    return Panache.withSession(() -> find(id));
  }

  public Uni<WebForm> create(WebFormSettings settings) {
    return Panache.withTransaction(() -> {
      WebForm form = WebForm.create(settings, clock.instant().truncatedTo(ChronoUnit.MICROS));
      return forms.persist(form).call(forms::flush);
    });
  }

  /** Replaces every setting of the form at the version the admin expects (412 otherwise); {@code rotateKey} gives it a new key. */
  public Uni<WebForm> replace(UUID id, Optional<Long> expectedVersion, WebFormSettings settings, boolean rotateKey) {
    return Panache.withTransaction(() -> find(id).chain(form -> {
      expectedVersion.ifPresent(expected -> {
        if (expected != form.version()) {
          throw new WebFormChangedException(expected, form.version());
        }
      });
      var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      form.replace(settings, now);
      if (rotateKey) {
        form.rotateKey(now);
      }
      return forms.flush().replaceWith(form);
    }));
  }

  /** Deletes the form: its endpoint answers 404 from then on; the leads and consents it captured stay. */
  public Uni<Void> delete(UUID id) {
    return Panache.withTransaction(() -> find(id).chain(forms::delete));
  }

  private Uni<WebForm> find(UUID id) {
    return forms.findById(id).onItem().ifNull().failWith(() -> new WebFormNotFoundException(id));
  }
}
