package org.leadflow.lead.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: no framework, no HTTP, no messaging, no service layer. */
class ArchitectureTest {

  private final JavaClasses leadService =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.leadflow.lead");

  @Test
  void theDomainDependsOnNoFrameworkAndNoOuterLayer() {
    noClasses()
        .that()
        .resideInAPackage("org.leadflow.lead.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta.ws..", "com.fasterxml..",
            "org.leadflow.lead.api..", "org.leadflow.lead.service..", "org.leadflow.lead.messaging..",
            "org.leadflow.lead.persistence..")
        .check(leadService);
  }

  @Test
  void theApiDoesNotReachIntoPersistenceOrMessaging() {
    noClasses()
        .that()
        .resideInAPackage("org.leadflow.lead.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.leadflow.lead.persistence..", "org.leadflow.lead.messaging..")
        .check(leadService);
  }
}
