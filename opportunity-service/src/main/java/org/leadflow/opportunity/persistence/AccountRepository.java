package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.leadflow.opportunity.domain.Account;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {}
