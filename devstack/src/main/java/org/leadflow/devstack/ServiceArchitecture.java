package org.leadflow.devstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering both services follow (docs/architecture.md, section "Inside a service"), as ArchUnit
 * rules over a service's main classes; each service's {@code ArchitectureTest} checks them.
 */
public final class ServiceArchitecture {

  private final String root;
  private final JavaClasses classes;

  private ServiceArchitecture(String root) {
    this.root = root;
    this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root);
  }

  /** The main classes of the service whose packages start with {@code rootPackage}. */
  public static ServiceArchitecture of(String rootPackage) {
    return new ServiceArchitecture(rootPackage);
  }

  /** {@code api}, {@code domain}, {@code service}, {@code messaging}, ...: none depends on itself through the others. */
  public void checkTopLevelPackagesFormNoCycles() {
    slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * The domain is plain Java (JPA's mapping annotations aside): no framework, no HTTP, no JSON, no
   * messaging, no event contracts, and no layer around it.
   */
  public void checkDomainDependsOnNoFrameworkAndNoOuterLayer() {
    noClasses()
        .that()
        .resideInAPackage(root + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta.ws..", "com.fasterxml..", "org.leadflow.contracts..",
            "org.leadflow.messaging..", root + ".api..", root + ".service..", root + ".messaging..", root + ".persistence..")
        .check(classes);
  }

  /**
   * Who may use whom: resources and consumers are entry points that nothing uses; the service layer
   * serves them alone; only the service layer reaches the repositories; the client only the API.
   */
  public void checkLayersAreUsedOnlyFromAbove() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("api").definedBy(root + ".api..")
        .layer("messaging").definedBy(root + ".messaging..")
        .layer("service").definedBy(root + ".service..")
        .layer("persistence").definedBy(root + ".persistence..")
        .layer("client").definedBy(root + ".client..")
        .layer("domain").definedBy(root + ".domain..")
        .whereLayer("api").mayNotBeAccessedByAnyLayer()
        .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
        .whereLayer("service").mayOnlyBeAccessedByLayers("api", "messaging")
        .whereLayer("persistence").mayOnlyBeAccessedByLayers("service")
        .whereLayer("client").mayOnlyBeAccessedByLayers("api")
        .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "messaging", "service", "persistence")
        .check(classes);
  }

  /** Resources reach the database and the broker only through the service layer. */
  public void checkApiDoesNotReachIntoPersistenceOrMessaging() {
    noClasses()
        .that()
        .resideInAPackage(root + ".api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(root + ".persistence..", root + ".messaging..", "org.leadflow.messaging..")
        .check(classes);
  }
}
