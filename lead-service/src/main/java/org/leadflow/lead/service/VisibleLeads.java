package org.leadflow.lead.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.web.security.Caller;

/**
 * Reads a lead as a caller may see it: a seller only their own, any other lead is "not found"
 * (docs/architecture.md, section Security and visibility); and checks the version a change is based on.
 */
@ApplicationScoped
public class VisibleLeads {

  @Inject LeadRepository leads;

  /** The lead, whoever asks: for LeadFlow acting on its own (an event from another service). */
  public Uni<Lead> find(UUID id) {
    return leads.findById(id).onItem().ifNull().failWith(() -> new LeadNotFoundException(id));
  }

  /** The lead, when {@code caller} may see it. */
  public Uni<Lead> find(UUID id, Caller caller) {
    return find(id)
        .invoke(lead -> {
          if (!caller.mayAccess(lead.ownerId())) {
            throw new LeadNotFoundException(id);
          }
        });
  }

  /** @throws StaleVersionException when the caller expects another version than the lead's */
  public static void requireVersion(Lead lead, Optional<Long> expectedVersion) {
    expectedVersion.ifPresent(expected -> {
      if (expected != lead.version()) {
        throw new StaleVersionException(expected, lead.version());
      }
    });
  }
}
