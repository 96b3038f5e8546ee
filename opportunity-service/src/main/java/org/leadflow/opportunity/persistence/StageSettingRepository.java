package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.leadflow.opportunity.domain.OpportunityStage;
import org.leadflow.opportunity.domain.StageSetting;

@ApplicationScoped
public class StageSettingRepository implements PanacheRepositoryBase<StageSetting, OpportunityStage> {

  /** Every stage's setting, in the order of the process. */
  public Uni<List<StageSetting>> inOrder() {
    return listAll(Sort.by("position"));
  }
}
