package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.leadflow.lead.domain.Lead;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

  /**
   * Undoes what was done to {@code lead} in the current transaction: the lead is read again as it
   * was, and the transaction is marked to roll back, so that nothing of it is committed.
   */
  public Uni<Void> rollBack(Lead lead) {
    return getSession()
        .chain(session -> session.refresh(lead))
        .chain(Panache::currentTransaction)
        .invoke(Mutiny.Transaction::markForRollback)
        .replaceWithVoid();
  }
}
