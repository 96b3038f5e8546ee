package org.leadflow.opportunity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.opportunity.Api.ACCOUNTS;
import static org.leadflow.opportunity.Api.CONTACTS;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.awaitFound;
import static org.leadflow.opportunity.Api.get;
import static org.leadflow.opportunity.Api.list;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.opportunity.ConversionFailed;
import org.leadflow.contracts.opportunity.OpportunityCreated;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.opportunity.Answers;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.LeadEvents;
import org.leadflow.opportunity.QualifiedLead;

/**
 * A LeadQualified on lead-events becomes an account, a contact and an opportunity with exactly the
 * ids lead-service chose, answered on opportunity-events (docs/architecture.md, sections Reliable messaging and Conversion).
 */
@QuarkusTest
class LeadConversionTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject ObjectMapper json;
  @Inject MeterRegistry registry;

  private LeadEvents leadEvents;
  private Answers answers;

  @BeforeEach
  void connect() {
    leadEvents = new LeadEvents();
    answers = new Answers();
  }

  @AfterEach
  void disconnect() {
    answers.close();
    leadEvents.close();
  }

  // --- Creating ------------------------------------------------------------------------------

  @Test
  void aQualifiedLeadBecomesAnAccountAContactAndAnOpportunityWithTheGivenIdsAndLines() throws Exception {
    QualifiedLead lead =
        new QualifiedLead()
            .line("Difference Engine licence", "2", "1250.00", "GBP")
            .line("Support hours", "1.5", "100.00", "GBP");
    lead.email = "Ada.Lovelace@" + lead.marker + ".example";
    leadEvents.qualified(lead);

    ExtractableResponse<Response> opportunity = awaitFound(OPPORTUNITIES, lead.opportunityId);
    assertThat(opportunity.header("ETag")).isEqualTo("\"0\"");
    assertThat(opportunity.<String>path("id")).isEqualTo(lead.opportunityId.toString());
    assertThat(opportunity.<String>path("originatingLeadId")).isEqualTo(lead.leadId.toString());
    assertThat(opportunity.<String>path("conversionId")).isEqualTo(lead.conversionId.toString());
    assertThat(opportunity.<String>path("accountId")).isEqualTo(lead.accountId.toString());
    assertThat(opportunity.<String>path("contactId")).isEqualTo(lead.contactId.toString());
    assertThat(opportunity.<String>path("name")).isEqualTo(lead.companyName);
    assertThat(opportunity.<String>path("ownerId")).isEqualTo(lead.ownerId);
    assertThat(opportunity.<String>path("state")).isEqualTo("Open");
    assertThat(opportunity.<String>path("statusReason")).isEqualTo("In Progress");
    assertThat(opportunity.<Integer>path("statusReasonCode")).isEqualTo(1);
    assertThat(opportunity.<Map<String, String>>path("estimatedValue")).isEqualTo(Map.of("amount", "2650.00", "currency", "GBP"));
    assertThat(opportunity.<String>path("estimatedCloseDate")).isEqualTo("2026-09-30");
    assertThat(opportunity.<List<String>>path("lines.productName")).containsExactly("Difference Engine licence", "Support hours");
    assertThat(opportunity.<List<String>>path("lines.quantity")).containsExactly("2", "1.5");
    assertThat(opportunity.<List<String>>path("lines.unitPrice.amount")).containsExactly("1250.00", "100.00");
    assertThat(opportunity.<List<String>>path("lines.amount.amount")).containsExactly("2500.00", "150.00");
    assertThat(opportunity.<List<Integer>>path("lines.lineNumber")).containsExactly(1, 2);

    ExtractableResponse<Response> account = succeeded(get(ACCOUNTS, lead.accountId));
    assertThat(account.<String>path("name")).isEqualTo(lead.companyName);
    assertThat(account.<String>path("emailDomain")).isEqualTo(lead.marker + ".example");
    assertThat(account.<String>path("website")).isEqualTo(lead.website);
    assertThat(account.<String>path("phone")).isEqualTo(lead.phone);
    assertThat(account.<Map<String, String>>path("annualRevenue")).isEqualTo(Map.of("amount", "12500000.00", "currency", "GBP"));
    assertThat(account.<String>path("originatingLeadId")).isEqualTo(lead.leadId.toString());

    ExtractableResponse<Response> contact = succeeded(get(CONTACTS, lead.contactId));
    assertThat(contact.<String>path("email")).isEqualTo("ada.lovelace@" + lead.marker + ".example");
    assertThat(contact.<String>path("lastName")).isEqualTo(lead.lastName);
    assertThat(contact.<String>path("phone")).isEqualTo(lead.phone);
    assertThat(contact.<String>path("accountId")).isEqualTo(lead.accountId.toString());

    TopicReader.Event created = answers.about(lead, 1).get(0);
    assertThat(created.header(CloudEventHeaders.TYPE)).isEqualTo(OpportunityEventTypes.CREATED);
    assertThat(created.header(CloudEventHeaders.SOURCE)).isEqualTo("/leadflow/opportunity-service");
    assertThat(created.header(CloudEventHeaders.SUBJECT)).isEqualTo(lead.opportunityId.toString());
    assertThat(created.header(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(created.header(CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
    assertThat(created.header(CloudEventHeaders.ID)).isNotBlank();
    assertThat(created.header(CloudEventHeaders.TIME)).isNotBlank();
    OpportunityCreated data = json.readValue(created.value(), OpportunityCreated.class);
    assertThat(data.opportunityId()).isEqualTo(lead.opportunityId);
    assertThat(data.originatingLeadId()).isEqualTo(lead.leadId);
    assertThat(data.conversionId()).isEqualTo(lead.conversionId);
    assertThat(data.accountId()).isEqualTo(lead.accountId);
    assertThat(data.accountCreated()).isTrue();
    assertThat(data.contactId()).isEqualTo(lead.contactId);
    assertThat(data.contactCreated()).isTrue();
    assertThat(data.estimatedValue()).isEqualTo(new org.leadflow.contracts.Money("2650.00", "GBP"));
    assertThat(data.state()).isEqualTo("Open");
    assertThat(data.statusReason()).isEqualTo("In Progress");
    assertThat(json.readTree(created.value()).has("createdAt")).isTrue();
  }

  @Test
  void withoutLinesTheStatedValueElseTheBudgetIsTheEstimatedValue() {
    QualifiedLead stated = new QualifiedLead();
    stated.estimatedValue = new org.leadflow.contracts.Money("9000.00", "EUR");
    stated.opportunityName = "Engines for the " + stated.marker + " mill";
    QualifiedLead budgeted = new QualifiedLead();
    leadEvents.qualified(stated);
    leadEvents.qualified(budgeted);

    ExtractableResponse<Response> first = awaitFound(OPPORTUNITIES, stated.opportunityId);
    assertThat(first.<String>path("name")).isEqualTo(stated.opportunityName);
    assertThat(first.<Map<String, String>>path("estimatedValue")).isEqualTo(Map.of("amount", "9000.00", "currency", "EUR"));
    assertThat(first.<List<?>>path("lines")).isEmpty();
    assertThat(awaitFound(OPPORTUNITIES, budgeted.opportunityId).<Map<String, String>>path("estimatedValue"))
        .isEqualTo(Map.of("amount", "40000.00", "currency", "GBP"));
  }

  @Test
  void aConversionWithoutAnOpportunityCreatesTheAccountAndTheContactOnly() {
    QualifiedLead lead = new QualifiedLead();
    lead.createOpportunity = false;
    lead.opportunityId = null;

    UUID eventId = leadEvents.qualified(lead);

    await().atMost(PATIENCE).until(() -> "PROCESSED".equals(inboxOutcome(eventId)));
    assertThat(succeeded(get(ACCOUNTS, lead.accountId)).<String>path("name")).isEqualTo(lead.companyName);
    assertThat(succeeded(get(CONTACTS, lead.contactId)).<String>path("accountId")).isEqualTo(lead.accountId.toString());
    assertThat(Database.count("SELECT count(*) FROM opportunity WHERE originating_lead_id = ?", lead.leadId)).isZero();
    // The contracts have no event for a conversion without an opportunity yet: nothing is published.
    assertThat(Database.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", lead.leadId)).isZero();
  }

  // --- Duplicates ----------------------------------------------------------------------------

  @Test
  void theSameEventDeliveredTwiceConvertsOnce() {
    QualifiedLead lead = new QualifiedLead();
    UUID eventId = UUID.randomUUID();
    leadEvents.qualified(eventId, lead.event());
    leadEvents.qualified(eventId, lead.event());
    // Same key, same partition: once this other lead's conversion is processed, both copies were.
    UUID marker = leadEvents.qualifiedAfter(lead.leadId.toString(), new QualifiedLead());

    await().atMost(PATIENCE).until(() -> "PROCESSED".equals(inboxOutcome(marker)));
    assertThat(inboxOutcome(eventId)).isEqualTo("PROCESSED");
    assertThat(Database.count("SELECT count(*) FROM opportunity WHERE originating_lead_id = ?", lead.leadId)).isEqualTo(1);
    assertThat(createdEventsInOutbox(lead)).isEqualTo(1);
    assertThat(answers.about(lead, 1)).extracting(e -> e.header(CloudEventHeaders.TYPE)).containsExactly(OpportunityEventTypes.CREATED);
  }

  @Test
  void aSecondEventOfASucceededConversionCreatesNothingMoreAndIsAnsweredAgainWithTheSameData() throws Exception {
    QualifiedLead lead = new QualifiedLead();
    leadEvents.qualified(lead);
    awaitFound(OPPORTUNITIES, lead.opportunityId);
    answers.about(lead, 1);
    // Re-published under a new event id, as for a conversion whose first answer never reached lead-service.
    UUID repeat = leadEvents.qualified(lead);

    List<TopicReader.Event> both = answers.about(lead, 2);
    await().atMost(PATIENCE).until(() -> "DUPLICATE".equals(inboxOutcome(repeat)));
    assertThat(Database.count("SELECT count(*) FROM opportunity WHERE originating_lead_id = ?", lead.leadId)).isEqualTo(1);
    assertThat(Database.count("SELECT count(*) FROM account WHERE originating_lead_id = ?", lead.leadId)).isEqualTo(1);
    assertThat(Database.count("SELECT count(*) FROM contact WHERE originating_lead_id = ?", lead.leadId)).isEqualTo(1);
    assertThat(both).extracting(e -> e.header(CloudEventHeaders.TYPE)).containsOnly(OpportunityEventTypes.CREATED);
    assertThat(both.get(1).header(CloudEventHeaders.ID)).isNotEqualTo(both.get(0).header(CloudEventHeaders.ID));
    assertThat(json.readTree(both.get(1).value())).isEqualTo(json.readTree(both.get(0).value()));
    assertThat(Answers.read(both.get(1), OpportunityCreated.class).accountCreated()).isTrue();
  }

  @Test
  void aSecondEventOfAFailedConversionIsAnsweredAgainWithTheSameFailure() throws Exception {
    QualifiedLead lead = new QualifiedLead();
    lead.existingAccountId = UUID.randomUUID();
    leadEvents.qualified(lead);
    answers.failure(lead);

    UUID repeat = leadEvents.qualified(lead);

    List<TopicReader.Event> both = answers.about(lead, 2);
    await().atMost(PATIENCE).until(() -> "DUPLICATE".equals(inboxOutcome(repeat)));
    assertThat(both).extracting(e -> e.header(CloudEventHeaders.TYPE)).containsOnly(OpportunityEventTypes.CONVERSION_FAILED);
    assertThat(json.readTree(both.get(1).value())).isEqualTo(json.readTree(both.get(0).value()));
    assertNothingCreatedFor(lead);
  }

  @Test
  void anotherConversionOfAnAlreadyConvertedLeadFails() throws Exception {
    QualifiedLead first = new QualifiedLead();
    leadEvents.qualified(first);
    awaitFound(OPPORTUNITIES, first.opportunityId);
    QualifiedLead second = new QualifiedLead(first.marker);
    second.leadId = first.leadId;

    leadEvents.qualified(second);

    ConversionFailed failed = answers.failure(second);
    assertThat(failed.reason()).isEqualTo("lead-already-converted");
    assertThat(failed.detail()).contains(first.opportunityId.toString());
    problem(get(OPPORTUNITIES, second.opportunityId), 404);
  }

  // --- Reusing existing records --------------------------------------------------------------

  @Test
  void anAccountOfTheOwnersOfTheSameCompanyUnderAnotherLegalFormIsReusedNotDuplicated() throws Exception {
    QualifiedLead first = new QualifiedLead();
    leadEvents.qualified(first);
    awaitFound(OPPORTUNITIES, first.opportunityId);
    QualifiedLead second = new QualifiedLead();
    second.ownerId = first.ownerId;
    second.companyName = "ENGINES " + first.marker + " GmbH";
    second.email = "someone." + second.marker + "@gmail.com";

    leadEvents.qualified(second);

    ExtractableResponse<Response> opportunity = awaitFound(OPPORTUNITIES, second.opportunityId);
    assertThat(opportunity.<String>path("accountId")).isEqualTo(first.accountId.toString());
    problem(get(ACCOUNTS, second.accountId), 404);
    assertThat(succeeded(list(ACCOUNTS, Map.of("q", first.marker))).<Integer>path("total")).isEqualTo(1);
    OpportunityCreated created = json.readValue(answers.about(second, 1).get(0).value(), OpportunityCreated.class);
    assertThat(created.accountId()).isEqualTo(first.accountId);
    assertThat(created.accountCreated()).isFalse();
    assertThat(created.contactCreated()).isTrue();
    assertThat(succeeded(get(CONTACTS, second.contactId)).<String>path("accountId")).isEqualTo(first.accountId.toString());
  }

  @Test
  void anAccountOfTheOwnersWithTheSameEmailDomainIsReused() throws Exception {
    QualifiedLead first = new QualifiedLead();
    leadEvents.qualified(first);
    awaitFound(OPPORTUNITIES, first.opportunityId);
    QualifiedLead second = new QualifiedLead();
    second.ownerId = first.ownerId;
    second.companyName = "Completely Different " + second.marker;
    second.website = null;
    second.email = "grace@" + first.marker + ".example";

    leadEvents.qualified(second);

    assertThat(awaitFound(OPPORTUNITIES, second.opportunityId).<String>path("accountId")).isEqualTo(first.accountId.toString());
    assertThat(json.readValue(answers.about(second, 1).get(0).value(), OpportunityCreated.class).accountCreated()).isFalse();
  }

  @Test
  void aContactOfTheOwnersWithTheSameEmailInAnotherCaseIsReused() throws Exception {
    QualifiedLead first = new QualifiedLead();
    leadEvents.qualified(first);
    awaitFound(OPPORTUNITIES, first.opportunityId);
    QualifiedLead second = new QualifiedLead();
    second.ownerId = first.ownerId;
    second.email = first.email.toUpperCase();

    leadEvents.qualified(second);

    assertThat(awaitFound(OPPORTUNITIES, second.opportunityId).<String>path("contactId")).isEqualTo(first.contactId.toString());
    OpportunityCreated created = json.readValue(answers.about(second, 1).get(0).value(), OpportunityCreated.class);
    assertThat(created.contactCreated()).isFalse();
    problem(get(CONTACTS, second.contactId), 404);
  }

  @Test
  void existingRecordsOfTheOwnerNamedByTheSellerAreLinked() throws Exception {
    QualifiedLead first = new QualifiedLead();
    leadEvents.qualified(first);
    awaitFound(OPPORTUNITIES, first.opportunityId);
    QualifiedLead second = new QualifiedLead();
    second.ownerId = first.ownerId;
    second.existingAccountId = first.accountId;
    second.existingContactId = first.contactId;

    leadEvents.qualified(second);

    ExtractableResponse<Response> opportunity = awaitFound(OPPORTUNITIES, second.opportunityId);
    assertThat(opportunity.<String>path("accountId")).isEqualTo(first.accountId.toString());
    assertThat(opportunity.<String>path("contactId")).isEqualTo(first.contactId.toString());
    OpportunityCreated created = json.readValue(answers.about(second, 1).get(0).value(), OpportunityCreated.class);
    assertThat(created.accountCreated()).isFalse();
    assertThat(created.contactCreated()).isFalse();
  }

  // --- Business failures ---------------------------------------------------------------------

  @Test
  void anExistingAccountThatDoesNotExistFailsTheConversionAndNothingIsCreated() {
    QualifiedLead lead = new QualifiedLead();
    lead.existingAccountId = UUID.randomUUID();

    UUID eventId = leadEvents.qualified(lead);

    ConversionFailed failed = answers.failure(lead);
    assertThat(failed.reason()).isEqualTo("account-not-found");
    assertThat(failed.detail()).contains(lead.existingAccountId.toString());
    assertThat(failed.originatingLeadId()).isEqualTo(lead.leadId);
    assertThat(failed.conversionId()).isEqualTo(lead.conversionId);
    assertThat(failed.opportunityId()).isEqualTo(lead.opportunityId);
    assertThat(inboxOutcome(eventId)).isEqualTo("PROCESSED");
    assertNothingCreatedFor(lead);
  }

  @Test
  void linesInMoreThanOneCurrencyFailTheConversionAndNothingIsCreated() {
    QualifiedLead lead =
        new QualifiedLead().line("Licence", "1", "1000.00", "EUR").line("Support", "1", "100.00", "USD");

    leadEvents.qualified(lead);

    ConversionFailed failed = answers.failure(lead);
    assertThat(failed.reason()).isEqualTo("mixed-currencies");
    assertThat(failed.detail()).contains("EUR", "USD");
    assertNothingCreatedFor(lead);
  }

  @Test
  void anUnreadableLineFailsTheConversion() {
    QualifiedLead lead = new QualifiedLead().line("Licence", "two", "1000.00", "EUR");

    leadEvents.qualified(lead);

    ConversionFailed failed = answers.failure(lead);
    assertThat(failed.reason()).isEqualTo("invalid-opportunity");
    assertThat(failed.detail()).contains("Line 1", "quantity");
    assertNothingCreatedFor(lead);
  }

  // --- Poison and passing failures -----------------------------------------------------------

  @Test
  void aLeadQualifiedThatCannotBeReadIsDeadLetteredCountedAndTheNextEventIsProcessed() {
    QualifiedLead poisoned = new QualifiedLead();
    QualifiedLead next = new QualifiedLead();
    next.leadId = poisoned.leadId; // same key, same partition: consumed after the poison
    double before = deadLettered();
    try (TopicReader deadLetters =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS_DEAD_LETTER)) {
      UUID poison = UUID.randomUUID();
      leadEvents.send(poison, LeadEventTypes.QUALIFIED, poisoned.leadId.toString(), "{\"leadId\": not json");
      leadEvents.qualified(next);

      TopicReader.Event dead =
          deadLetters.await(e -> poisoned.leadId.toString().equals(e.key()), 1, PATIENCE).get(0);
      assertThat(dead.value()).isEqualTo("{\"leadId\": not json");
      assertThat(dead.header("dead-letter-reason")).contains("cannot be read");
      assertThat(dead.header(CloudEventHeaders.ID)).isEqualTo(poison.toString());
      awaitFound(OPPORTUNITIES, next.opportunityId);
      assertThat(deadLettered()).isGreaterThanOrEqualTo(before + 1);
      assertThat(inboxOutcome(poison)).isNull();
    }
  }

  @Test
  void aLeadQualifiedWithoutItsLeadOrConversionIdCannotBeAnsweredAndIsDeadLettered() throws Exception {
    QualifiedLead lead = new QualifiedLead();
    JsonNode data = json.valueToTree(lead.event());
    ((com.fasterxml.jackson.databind.node.ObjectNode) data).remove("conversionId");
    try (TopicReader deadLetters =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS_DEAD_LETTER)) {
      leadEvents.send(UUID.randomUUID(), LeadEventTypes.QUALIFIED, lead.leadId.toString(), json.writeValueAsString(data));

      TopicReader.Event dead = deadLetters.await(e -> lead.leadId.toString().equals(e.key()), 1, PATIENCE).get(0);
      assertThat(dead.header("dead-letter-reason")).contains("lacks conversionId");
    }
  }

  @Test
  void aLeadQualifiedWithoutTheIdOfARecordToCreateFailsTheConversionInsteadOfDeadLettering() throws Exception {
    QualifiedLead lead = new QualifiedLead();
    JsonNode data = json.valueToTree(lead.event());
    ((com.fasterxml.jackson.databind.node.ObjectNode) data).remove("accountId");
    ((com.fasterxml.jackson.databind.node.ObjectNode) data).remove("ownerId");
    UUID eventId = UUID.randomUUID();

    leadEvents.send(eventId, LeadEventTypes.QUALIFIED, lead.leadId.toString(), json.writeValueAsString(data));

    ConversionFailed failed = answers.failure(lead);
    assertThat(failed.reason()).isEqualTo("incomplete-event");
    assertThat(failed.detail()).contains("accountId", "ownerId");
    assertThat(inboxOutcome(eventId)).isEqualTo("PROCESSED");
    assertNothingCreatedFor(lead);
  }

  @Test
  void aLeadValueLongerThanARecordHoldsFailsTheConversionWithAReasonNotRetriedNorDeadLettered() {
    QualifiedLead lead = new QualifiedLead();
    lead.country = "GBR"; // lead-service writes ISO 3166-1 alpha-2; the column holds two letters
    double retriedBefore = retried();
    double deadLetteredBefore = deadLettered();

    leadEvents.qualified(lead);

    ConversionFailed failed = answers.failure(lead);
    assertThat(failed.reason()).isEqualTo("invalid-lead-data");
    assertThat(failed.detail()).isEqualTo("The lead's country is longer than 2 characters");
    assertThat(retried()).isEqualTo(retriedBefore);
    assertThat(deadLettered()).isEqualTo(deadLetteredBefore);
    assertNothingCreatedFor(lead);
  }

  @Test
  void aCloseDateBeyondYear9999FailsTheConversionAsAnInvalidOpportunity() {
    QualifiedLead lead = new QualifiedLead();
    lead.estimatedCloseDate = LocalDate.parse("+9999999-01-01");

    UUID eventId = leadEvents.qualified(lead);

    ConversionFailed failed = answers.failure(lead);
    assertThat(failed.reason()).isEqualTo("invalid-opportunity");
    assertThat(failed.detail()).contains("estimatedCloseDate", "1900-01-01", "9999-12-31");
    assertThat(inboxOutcome(eventId)).isEqualTo("PROCESSED");
    assertNothingCreatedFor(lead);
  }

  @Test
  void aValueTheDatabaseRefusesIsAnsweredAsAFailedConversionInANewTransactionNotDeadLetteredAndTheQualificationStillCounts() {
    QualifiedLead lead = new QualifiedLead();
    lead.jobTitle = "CTO\u0000"; // PostgreSQL text holds no NUL: SQLSTATE 22021, which no check here catches
    double retriedBefore = retried();
    double deadLetteredBefore = deadLettered();

    UUID eventId = leadEvents.qualified(lead);

    ConversionFailed failed = answers.failure(lead);
    assertThat(failed.reason()).isEqualTo("data-refused");
    assertThat(failed.detail()).startsWith("The database refused a value");
    assertThat(inboxOutcome(eventId)).isEqualTo("PROCESSED");
    assertThat(retried()).isEqualTo(retriedBefore);
    assertThat(deadLettered()).isEqualTo(deadLetteredBefore);
    assertNothingCreatedFor(lead);
    assertThat(Database.count("SELECT count(*) FROM contact WHERE originating_lead_id = ?", lead.leadId)).isZero();
    // The funnel fact shared the refused transaction; it is recorded on its own all the same.
    assertThat(Database.count("SELECT count(*) FROM lead_funnel_fact WHERE lead_id = ? AND qualified_at IS NOT NULL", lead.leadId))
        .isOne();
  }

  @Test
  void aDatabaseFailureIsRetriedUntilItPassesAndNeverDeadLettered() {
    QualifiedLead lead = new QualifiedLead().line("Licence", "1", "1000.00", "EUR");
    double retriedBefore = retried();
    try (TopicReader deadLetters =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS_DEAD_LETTER)) {
      // A real failure of the real database: the conversion's last insert finds no table.
      Database.execute("ALTER TABLE opportunity_line RENAME TO opportunity_line_away");
      try {
        leadEvents.qualified(lead);
        await().atMost(PATIENCE).until(() -> retried() >= retriedBefore + 2);
        assertThat(Database.count("SELECT count(*) FROM account WHERE id = ?", lead.accountId))
            .as("a failed attempt leaves nothing behind")
            .isZero();
      } finally {
        Database.execute("ALTER TABLE opportunity_line_away RENAME TO opportunity_line");
      }

      ExtractableResponse<Response> opportunity = awaitFound(OPPORTUNITIES, lead.opportunityId);
      assertThat(opportunity.<List<String>>path("lines.productName")).containsExactly("Licence");
      assertThat(answers.about(lead, 1)).hasSize(1);
      assertThat(Database.count("SELECT count(*) FROM account WHERE originating_lead_id = ?", lead.leadId)).isEqualTo(1);
      assertThat(deadLetters.seen()).noneMatch(e -> lead.leadId.toString().equals(e.key()));
    }
  }

  // --- Helpers -------------------------------------------------------------------------------

  private static void assertNothingCreatedFor(QualifiedLead lead) {
    problem(get(OPPORTUNITIES, lead.opportunityId), 404);
    problem(get(ACCOUNTS, lead.accountId), 404);
    problem(get(CONTACTS, lead.contactId), 404);
    assertThat(Database.count("SELECT count(*) FROM opportunity WHERE originating_lead_id = ?", lead.leadId)).isZero();
  }

  private static long createdEventsInOutbox(QualifiedLead lead) {
    return Database.count(
        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND type = ?", lead.opportunityId, OpportunityEventTypes.CREATED);
  }

  private static String inboxOutcome(UUID eventId) {
    return (String) Database.value("SELECT outcome FROM processed_event WHERE event_id = ?", eventId);
  }

  private double deadLettered() {
    return registry.find("leadflow.events.dead-lettered").tag("type", LeadEventTypes.QUALIFIED).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private double retried() {
    return registry.find("leadflow.events.retried").counters().stream().mapToDouble(Counter::count).sum();
  }
}
