package org.leadflow.opportunity;

import org.junit.jupiter.api.Test;
import org.leadflow.devstack.ServiceArchitecture;

/** opportunity-service's packages keep the layering of docs/architecture.md, section "Inside a service". */
class ArchitectureTest {

  private final ServiceArchitecture opportunityService = ServiceArchitecture.of("org.leadflow.opportunity");

  @Test
  void noTopLevelPackageDependsOnItselfThroughAnother() {
    opportunityService.checkTopLevelPackagesFormNoCycles();
  }

  @Test
  void theDomainDependsOnNoFrameworkAndNoOuterLayer() {
    opportunityService.checkDomainDependsOnNoFrameworkAndNoOuterLayer();
  }

  @Test
  void eachLayerIsUsedOnlyByTheLayersAboveIt() {
    opportunityService.checkLayersAreUsedOnlyFromAbove();
  }

  @Test
  void theApiDoesNotReachIntoPersistenceOrMessaging() {
    opportunityService.checkApiDoesNotReachIntoPersistenceOrMessaging();
  }
}
