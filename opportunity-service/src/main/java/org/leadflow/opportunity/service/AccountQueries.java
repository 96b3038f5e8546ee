package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.persistence.AccountRepository;
import org.leadflow.web.security.Caller;

/** Reads accounts, as far as the caller may see them. */
@ApplicationScoped
public class AccountQueries {

  @Inject AccountRepository accounts;

  @WithSession
  public Uni<Account> get(UUID id, Caller caller) {
    return Visibility.one(accounts, id, Visibility.OWN_OR_LINKED_ACCOUNT, caller, () -> RecordNotFoundException.account(id));
  }

  @WithSession
  public Uni<Page<Account>> list(ListQuery query, Caller caller) {
    return Visibility.page(accounts, query, Visibility.OWN_OR_LINKED_ACCOUNT, caller);
  }
}
