package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.persistence.ContactRepository;
import org.leadflow.web.security.Caller;

/** Reads contacts, as far as the caller may see them. */
@ApplicationScoped
public class ContactQueries {

  @Inject ContactRepository contacts;

  @WithSession
  public Uni<Contact> get(UUID id, Caller caller) {
    return Visibility.one(contacts, id, Visibility.OWN_OR_LINKED_CONTACT, caller, () -> RecordNotFoundException.contact(id));
  }

  @WithSession
  public Uni<Page<Contact>> list(ListQuery query, Caller caller) {
    return Visibility.page(contacts, query, Visibility.OWN_OR_LINKED_CONTACT, caller);
  }
}
