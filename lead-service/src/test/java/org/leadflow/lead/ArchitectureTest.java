package org.leadflow.lead;

import org.junit.jupiter.api.Test;
import org.leadflow.devstack.ServiceArchitecture;

/** lead-service's packages keep the layering of docs/architecture.md, section "Inside a service". */
class ArchitectureTest {

  private final ServiceArchitecture leadService = ServiceArchitecture.of("org.leadflow.lead");

  @Test
  void noTopLevelPackageDependsOnItselfThroughAnother() {
    leadService.checkTopLevelPackagesFormNoCycles();
  }

  @Test
  void theDomainDependsOnNoFrameworkAndNoOuterLayer() {
    leadService.checkDomainDependsOnNoFrameworkAndNoOuterLayer();
  }

  @Test
  void eachLayerIsUsedOnlyByTheLayersAboveIt() {
    leadService.checkLayersAreUsedOnlyFromAbove();
  }

  @Test
  void theApiDoesNotReachIntoPersistenceOrMessaging() {
    leadService.checkApiDoesNotReachIntoPersistenceOrMessaging();
  }
}
