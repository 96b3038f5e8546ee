package org.leadflow.opportunity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.get;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.list;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.LeadEvents;
import org.leadflow.opportunity.QualifiedLead;

/**
 * {@code GET /opportunities} and {@code /opportunities/{id}} (docs/architecture.md, section REST conventions). The opportunities
 * are made as in production, from LeadQualified events; every query names this class's owner.
 */
@QuarkusTest
class OpportunityApiTest {

  private static final String OWNER = "owner-" + QualifiedLead.marker();
  private static final List<QualifiedLead> LEADS = new ArrayList<>();
  private static LeadEvents leadEvents;

  /** Five opportunities of one owner, closing on the 1st to the 5th of September, created in that order. */
  @BeforeAll
  static void convertFiveLeads() {
    leadEvents = new LeadEvents();
    for (int day = 1; day <= 5; day++) {
      QualifiedLead lead = new QualifiedLead();
      lead.ownerId = OWNER;
      lead.opportunityName = "Deal " + day + " " + lead.marker;
      lead.estimatedCloseDate = LocalDate.of(2026, 9, day);
      lead.estimatedValue = new org.leadflow.contracts.Money(day + "000.00", "EUR");
      leadEvents.qualified(lead);
      Database.awaitOpportunity(lead.opportunityId);
      LEADS.add(lead);
    }
  }

  @AfterAll
  static void disconnect() {
    leadEvents.close();
  }

  private static Map<String, Object> query(Object... parameters) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("ownerId", OWNER);
    for (int i = 0; i < parameters.length; i += 2) {
      query.put((String) parameters[i], parameters[i + 1]);
    }
    return query;
  }

  private static List<String> ids(ExtractableResponse<Response> page) {
    return succeeded(page).path("items.id");
  }

  private static String id(int day) {
    return LEADS.get(day - 1).opportunityId.toString();
  }

  // --- One opportunity -------------------------------------------------------------------------

  @Test
  void anOpportunityIsReadWithItsVersionAsETag() {
    ExtractableResponse<Response> answer = succeeded(get(OPPORTUNITIES, id(1)));

    assertThat(answer.header("ETag")).isEqualTo("\"" + answer.<Integer>path("version") + "\"");
    assertThat(answer.<String>path("name")).isEqualTo(LEADS.get(0).opportunityName);
    assertThat(answer.<String>path("createdAt")).isNotBlank();
  }

  @Test
  void anUnknownOpportunityIsA404ProblemThatMentionsAPendingConversion() {
    UUID unknown = UUID.randomUUID();

    ExtractableResponse<Response> answer = problem(get(OPPORTUNITIES, unknown), 404);

    assertThat(answer.<String>path("type")).isEqualTo("https://leadflow.org/problems/not-found");
    assertThat(answer.<String>path("title")).isEqualTo("Opportunity not found");
    assertThat(answer.<String>path("detail")).contains(unknown.toString(), "pending");
    assertThat(answer.<String>path("instance")).isEqualTo(OPPORTUNITIES + "/" + unknown);
  }

  @Test
  void anIdThatIsNotAUuidIsA404Problem() {
    problem(get(OPPORTUNITIES, "not-a-uuid"), 404);
  }

  // --- Paging and sorting ----------------------------------------------------------------------

  @Test
  void pagesSplitTheListWithoutOverlapOrGapsAndCountTheTotal() {
    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      ExtractableResponse<Response> answer = succeeded(list(OPPORTUNITIES, query("page", page, "size", 2)));
      assertThat(answer.<Integer>path("page")).isEqualTo(page);
      assertThat(answer.<Integer>path("size")).isEqualTo(2);
      assertThat(answer.<Integer>path("total")).isEqualTo(5);
      seen.addAll(answer.path("items.id"));
    }

    assertThat(seen).containsExactlyInAnyOrder(id(1), id(2), id(3), id(4), id(5));
    assertThat(ids(list(OPPORTUNITIES, query("page", 3, "size", 2)))).isEmpty();
  }

  @Test
  void theDefaultPageIsTheFirst50NewestFirstWithTheirLines() {
    ExtractableResponse<Response> answer = succeeded(list(OPPORTUNITIES, query()));

    assertThat(answer.<Integer>path("page")).isZero();
    assertThat(answer.<Integer>path("size")).isEqualTo(50);
    assertThat(answer.<List<String>>path("items.id")).containsExactly(id(5), id(4), id(3), id(2), id(1));
    assertThat(answer.<List<Object>>path("items.lines")).hasSize(5);
    assertThat(answer.<List<String>>path("items.estimatedValue.amount")).containsExactly("5000.00", "4000.00", "3000.00", "2000.00", "1000.00");
  }

  @Test
  void theListSortsByCloseDateNameOrValue() {
    assertThat(ids(list(OPPORTUNITIES, query("sort", "estimatedCloseDate,asc")))).containsExactly(id(1), id(2), id(3), id(4), id(5));
    assertThat(ids(list(OPPORTUNITIES, query("sort", "estimatedCloseDate,desc")))).containsExactly(id(5), id(4), id(3), id(2), id(1));
    assertThat(ids(list(OPPORTUNITIES, query("sort", "name")))).containsExactly(id(1), id(2), id(3), id(4), id(5));
    assertThat(ids(list(OPPORTUNITIES, query("sort", "estimatedValue,desc")))).containsExactly(id(5), id(4), id(3), id(2), id(1));
  }

  @Test
  void aPageOf200IsAllowed() {
    assertThat(succeeded(list(OPPORTUNITIES, query("size", 200))).<Integer>path("size")).isEqualTo(200);
  }

  // --- Filters ---------------------------------------------------------------------------------

  @Test
  void theCloseDateRangeIncludesBothEnds() {
    assertThat(ids(list(OPPORTUNITIES, query("closeDateFrom", "2026-09-02", "closeDateTo", "2026-09-04", "sort", "estimatedCloseDate,asc"))))
        .containsExactly(id(2), id(3), id(4));
  }

  @Test
  void theOpportunityOfALeadIsFoundByTheLead() {
    QualifiedLead third = LEADS.get(2);

    assertThat(ids(list(OPPORTUNITIES, Map.of("originatingLeadId", third.leadId.toString())))).containsExactly(id(3));
  }

  @Test
  void opportunitiesAreFilteredByAccount() {
    QualifiedLead fourth = LEADS.get(3);

    assertThat(ids(list(OPPORTUNITIES, Map.of("accountId", fourth.accountId.toString())))).containsExactly(id(4));
  }

  @Test
  void opportunitiesAreFilteredByStateAndStatusReason() {
    assertThat(succeeded(list(OPPORTUNITIES, query("state", "Open"))).<Integer>path("total")).isEqualTo(5);
    assertThat(succeeded(list(OPPORTUNITIES, query("state", "open", "statusReason", "In Progress"))).<Integer>path("total")).isEqualTo(5);
    assertThat(succeeded(list(OPPORTUNITIES, query("state", "Won"))).<Integer>path("total")).isZero();
    assertThat(succeeded(list(OPPORTUNITIES, query("statusReason", "On Hold"))).<Integer>path("total")).isZero();
  }

  @Test
  void freeTextSearchesTheName() {
    QualifiedLead second = LEADS.get(1);

    assertThat(ids(list(OPPORTUNITIES, Map.of("q", second.marker.toUpperCase())))).containsExactly(id(2));
    assertThat(ids(list(OPPORTUNITIES, query("q", "100%_")))).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "page, -1",
    "page, first",
    "size, 0",
    "size, 201",
    "size, all",
    "sort, 'password,asc'",
    "sort, 'name,sideways'",
    "sort, 'name,asc,id'",
    "state, Sleeping",
    "statusReason, Asleep",
    "originatingLeadId, 42",
    "accountId, not-a-uuid",
    "closeDateFrom, yesterday",
    "closeDateTo, 2026-13-01",
  })
  void anInvalidQueryParameterIsA400ProblemNamingIt(String parameter, String value) {
    assertThat(invalidFields(list(OPPORTUNITIES, Map.of(parameter, value)))).containsExactly(parameter);
  }

  @Test
  void everyInvalidParameterIsNamedAtOnce() {
    assertThat(invalidFields(list(OPPORTUNITIES, Map.of("state", "Sleeping", "accountId", "x", "size", "1000"))))
        .containsExactlyInAnyOrder("state", "accountId", "size");
  }
}
