package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.leadflow.opportunity.domain.PossibleDuplicate;
import org.leadflow.opportunity.persistence.PossibleDuplicateRepository;

/** Reads possible duplicates: for sales managers, who see every owner's records. */
@ApplicationScoped
public class PossibleDuplicateQueries {

  @Inject PossibleDuplicateRepository duplicates;

  @WithSession
  public Uni<Page<PossibleDuplicate>> list(ListQuery query) {
    return Visibility.page(duplicates, query, Visibility.OWN, Viewer.everyone());
  }
}
