package org.leadflow.opportunity.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: no framework, no HTTP, no messaging, no contracts, no outer layer. */
class ArchitectureTest {

  private final JavaClasses opportunityService =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.leadflow.opportunity");

  @Test
  void theDomainDependsOnNoFrameworkAndNoOuterLayer() {
    noClasses()
        .that()
        .resideInAPackage("org.leadflow.opportunity.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta.ws..", "com.fasterxml..", "org.leadflow.contracts..",
            "org.leadflow.messaging..", "org.leadflow.opportunity.api..", "org.leadflow.opportunity.service..",
            "org.leadflow.opportunity.messaging..", "org.leadflow.opportunity.persistence..")
        .check(opportunityService);
  }

  @Test
  void theApiDoesNotReachIntoPersistenceOrMessaging() {
    noClasses()
        .that()
        .resideInAPackage("org.leadflow.opportunity.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.leadflow.opportunity.persistence..", "org.leadflow.opportunity.messaging..", "org.leadflow.messaging..")
        .check(opportunityService);
  }
}
