package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.leadflow.lead.domain.webform.Consent;
import org.leadflow.lead.persistence.WebForms;
import org.leadflow.web.security.Caller;

/** The consents a lead's visitor gave on web forms, read as the caller may see the lead. */
@ApplicationScoped
public class LeadConsents {

  @Inject VisibleLeads visible;
  @Inject WebForms forms;

  public Uni<List<Consent>> of(UUID leadId, Caller caller) {
    return Panache.withSession(() -> visible.find(leadId, caller).chain(lead -> forms.consentsOf(lead.id())));
  }
}
