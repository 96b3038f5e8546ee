package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.persistence.AccountRepository;

/** Reads accounts. */
@ApplicationScoped
public class AccountQueries {

  @Inject AccountRepository accounts;

  @WithSession
  public Uni<Account> get(UUID id) {
    return accounts.findById(id).onItem().ifNull().failWith(() -> RecordNotFoundException.account(id));
  }

  @WithSession
  public Uni<Page<Account>> list(ListQuery query) {
    var found = accounts.find(query.where(), query.sort(), query.parameters());
    return found
        .page(io.quarkus.panache.common.Page.of(query.page(), query.size()))
        .list()
        .chain(items -> found.count().map(total -> new Page<>(items, query.page(), query.size(), total)));
  }
}
