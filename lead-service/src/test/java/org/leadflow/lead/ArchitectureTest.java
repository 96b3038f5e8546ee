package org.leadflow.lead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.ServiceArchitecture;
import org.leadflow.lead.application.CommandHandler;

/** lead-service's packages keep the layering of docs/architecture.md, section "Inside a service". */
class ArchitectureTest {

  private static final Class<WithTransaction> WITH_TRANSACTION = WithTransaction.class;
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.leadflow.lead");

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

  // lead-service's own rules, for its layer of commands (package application), beside the ones both
  // services share.

  @Test
  void theApiHoldsNoTransactionAndNoPersistence() {
    noClasses()
        .that()
        .resideInAPackage("org.leadflow.lead.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.leadflow.lead.persistence..", "org.hibernate.reactive..", "io.quarkus.hibernate..", "io.quarkus.panache..",
            "jakarta.transaction..")
        .because("a request's transaction and its idempotency are the commands' (application.Commands)")
        .check(CLASSES);
  }

  @Test
  void theDomainKnowsNothingOfTheCommands() {
    noClasses()
        .that()
        .resideInAPackage("org.leadflow.lead.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.leadflow.lead.application..", "org.leadflow.lead.client..", "org.leadflow.lead.config..")
        .check(CLASSES);
  }

  @Test
  void commandsAreRunOnlyByTheEntryPoints() {
    classes()
        .that()
        .resideInAPackage("org.leadflow.lead.application..")
        .should()
        .onlyBeAccessed()
        .byAnyPackage("org.leadflow.lead.application..", "org.leadflow.lead.api..", "org.leadflow.lead.messaging..")
        .check(CLASSES);
  }

  @Test
  void commandsUseNeitherTheApiNorTheConsumersNorTheClient() {
    noClasses()
        .that()
        .resideInAPackage("org.leadflow.lead.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.leadflow.lead.api..", "org.leadflow.lead.messaging..", "org.leadflow.lead.client..", "jakarta.ws..")
        .check(CLASSES);
  }

  @Test
  void everyCommandHandlerLivesInTheApplicationLayerAndOpensNoTransactionOfItsOwn() {
    classes().that().implement(CommandHandler.class).should().resideInAPackage("org.leadflow.lead.application..").check(CLASSES);
    noMethods()
        .that()
        .areDeclaredInClassesThat()
        .implement(CommandHandler.class)
        .should()
        .beAnnotatedWith(WITH_TRANSACTION)
        .check(CLASSES);
    noClasses().that().implement(CommandHandler.class).should().callMethod(Panache.class, "withTransaction", Supplier.class).check(CLASSES);
  }

  /** Commands open the request's transactions; the consumer that of its inbox, the idempotency store that of its clean-up. */
  @Test
  void nothingElseOpensATransaction() {
    String[] mayOpen = {"org.leadflow.lead.application..", "org.leadflow.lead.messaging..", "org.leadflow.lead.persistence.."};
    noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackages(mayOpen).should().beAnnotatedWith(WITH_TRANSACTION).check(CLASSES);
    noClasses()
        .that()
        .resideOutsideOfPackages(mayOpen)
        .should()
        .callMethod(Panache.class, "withTransaction", Supplier.class)
        .check(CLASSES);
  }
}
