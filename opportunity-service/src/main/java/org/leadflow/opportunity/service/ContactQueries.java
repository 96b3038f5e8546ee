package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.persistence.ContactRepository;

/** Reads contacts. */
@ApplicationScoped
public class ContactQueries {

  @Inject ContactRepository contacts;

  @WithSession
  public Uni<Contact> get(UUID id) {
    return contacts.findById(id).onItem().ifNull().failWith(() -> RecordNotFoundException.contact(id));
  }

  @WithSession
  public Uni<Page<Contact>> list(ListQuery query) {
    var found = contacts.find(query.where(), query.sort(), query.parameters());
    return found
        .page(io.quarkus.panache.common.Page.of(query.page(), query.size()))
        .list()
        .chain(items -> found.count().map(total -> new Page<>(items, query.page(), query.size(), total)));
  }
}
