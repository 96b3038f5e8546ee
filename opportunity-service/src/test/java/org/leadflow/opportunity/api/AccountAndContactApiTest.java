package org.leadflow.opportunity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.ACCOUNTS;
import static org.leadflow.opportunity.Api.CONTACTS;
import static org.leadflow.opportunity.Api.get;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.list;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.LeadEvents;
import org.leadflow.opportunity.QualifiedLead;

/** {@code /accounts} and {@code /contacts}: read one, list, filter (docs/architecture.md, section REST conventions). */
@QuarkusTest
class AccountAndContactApiTest {

  private static QualifiedLead ada;
  private static QualifiedLead charles;
  private static LeadEvents leadEvents;

  /** Ada's lead makes an account and a contact; Charles's, of the same company and owner, only a contact. */
  @BeforeAll
  static void convertTwoLeadsOfOneCompany() {
    leadEvents = new LeadEvents();
    ada = new QualifiedLead();
    leadEvents.qualified(ada);
    Database.awaitOpportunity(ada.opportunityId);
    charles = new QualifiedLead(ada.marker);
    charles.ownerId = ada.ownerId;
    charles.firstName = "Charles";
    charles.lastName = "Babbage " + ada.marker;
    charles.email = "charles@" + ada.marker + ".example";
    charles.phone = QualifiedLead.randomPhone();
    leadEvents.qualified(charles);
    Database.awaitOpportunity(charles.opportunityId);
  }

  @AfterAll
  static void disconnect() {
    leadEvents.close();
  }

  @Test
  void anAccountIsReadWithItsVersionAsETag() {
    ExtractableResponse<Response> account = succeeded(get(ACCOUNTS, ada.accountId));

    assertThat(account.header("ETag")).isEqualTo("\"0\"");
    assertThat(account.<String>path("name")).isEqualTo(ada.companyName);
    assertThat(account.<String>path("country")).isEqualTo("GB");
    assertThat(account.<String>path("ownerId")).isEqualTo(ada.ownerId);
  }

  @Test
  void aContactIsReadWithItsVersionAsETag() {
    ExtractableResponse<Response> contact = succeeded(get(CONTACTS, charles.contactId));

    assertThat(contact.header("ETag")).isEqualTo("\"0\"");
    assertThat(contact.<String>path("firstName")).isEqualTo("Charles");
    assertThat(contact.<String>path("jobTitle")).isEqualTo("CTO");
    assertThat(contact.<String>path("accountId")).isEqualTo(ada.accountId.toString());
  }

  @Test
  void unknownAccountsAndContactsAre404Problems() {
    assertThat(problem(get(ACCOUNTS, UUID.randomUUID()), 404).<String>path("title")).isEqualTo("Account not found");
    assertThat(problem(get(CONTACTS, UUID.randomUUID()), 404).<String>path("title")).isEqualTo("Contact not found");
  }

  @Test
  void accountsAreFoundByNameOrDomain() {
    assertThat(succeeded(list(ACCOUNTS, Map.of("q", ada.marker))).<List<String>>path("items.id")).containsExactly(ada.accountId.toString());
    assertThat(succeeded(list(ACCOUNTS, Map.of("q", "engines " + ada.marker.toUpperCase()))).<Integer>path("total")).isEqualTo(1);
    assertThat(succeeded(list(ACCOUNTS, Map.of("q", ada.marker, "country", "de"))).<Integer>path("total")).isZero();
    assertThat(succeeded(list(ACCOUNTS, Map.of("originatingLeadId", ada.leadId.toString()))).<Integer>path("total")).isEqualTo(1);
  }

  @Test
  void theContactsOfAnAccountAreListed() {
    ExtractableResponse<Response> page =
        succeeded(list(CONTACTS, Map.of("accountId", ada.accountId.toString(), "sort", "firstName,asc")));

    assertThat(page.<Integer>path("total")).isEqualTo(2);
    assertThat(page.<List<String>>path("items.id")).containsExactly(ada.contactId.toString(), charles.contactId.toString());
  }

  @Test
  void contactsAreFoundByNameOrEmail() {
    assertThat(succeeded(list(CONTACTS, Map.of("q", "babbage " + ada.marker))).<List<String>>path("items.id"))
        .containsExactly(charles.contactId.toString());
    assertThat(succeeded(list(CONTACTS, Map.of("q", "charles@" + ada.marker))).<Integer>path("total")).isEqualTo(1);
  }

  @Test
  void invalidListParametersAre400Problems() {
    assertThat(invalidFields(list(ACCOUNTS, Map.of("sort", "website", "size", "0")))).containsExactlyInAnyOrder("sort", "size");
    assertThat(invalidFields(list(CONTACTS, Map.of("accountId", "nope")))).containsExactly("accountId");
  }
}
